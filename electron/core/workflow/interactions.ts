import type { ParsedInputOf } from '#shared/contract/index';
import { CONTACT_RULES, contactViolation } from '#shared/domain/workflow/contactRules';
import { addDays } from '#shared/domain/dates';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import { CarteraError } from '../errors';
import { findClient } from '../clients/service';
import { getSettings } from '../settings/service';
import { holidaysAround } from './holidays';
import { getPolicy } from './policy';
import { completeTask } from './tasks';
import { addPromise } from '../promises/service';

/** "HH:MM" of an instant in a time zone. */
function timeIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/**
 * Records a contact (and completes its task). For consumer clients the contact rules of the book's
 * country preset are checked at the current time in the company's time zone; breaking one needs a
 * reason, which goes to the audit log.
 */
export async function addInteraction(ctx: Ctx, input: ParsedInputOf<'interactions.add'>): Promise<{ id: number; taskId: number | null }> {
  await findClient(ctx, input.clientId);
  const flags = await ctx.db.selectFrom('clients').select(['consumer']).where('id', '=', input.clientId).executeTakeFirstOrThrow();
  const today = ctx.clock.today();
  if (flags.consumer === 1 && input.direction === 'outbound') {
    const [policy, settings] = await Promise.all([getPolicy(ctx), getSettings(ctx)]);
    const tz = (await ctx.db.selectFrom('companySettings').select('timezone').executeTakeFirst())?.timezone ?? 'America/Lima';
    const past = await ctx.db
      .selectFrom('interactions')
      .select(['occurredAt', 'channel'])
      .where('clientId', '=', input.clientId)
      .where('occurredAt', '>=', addDays(today, -7))
      .execute();
    const violation = contactViolation(
      CONTACT_RULES[policy.contactRules.preset],
      today,
      timeIn(ctx.clock.now(), tz),
      input.channel,
      await holidaysAround(settings.country, today),
      past.map((p) => ({ date: p.occurredAt.slice(0, 10), channel: p.channel })),
    );
    if (violation && !input.overrideReason) throw new CarteraError('invalid_state', 'error.contact.outside_rules', { rule: violation });
    if (violation)
      await audit(ctx, {
        entity: 'client',
        entityId: input.clientId,
        action: 'contact_rules.override',
        after: { violation, channel: input.channel, preset: policy.contactRules.preset },
        reason: input.overrideReason,
      });
  }
  const row = await ctx.db
    .insertInto('interactions')
    .values({
      clientId: input.clientId,
      contactId: input.contactId ?? null,
      occurredAt: nowIso(ctx),
      channel: input.channel,
      direction: input.direction,
      outcome: input.outcome,
      notes: input.notes,
      nextAction: null,
      nextActionOn: input.nextActionOn ?? null,
      createdAt: nowIso(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, {
    entity: 'client',
    entityId: input.clientId,
    action: 'interaction.add',
    after: { interactionId: row.id, channel: input.channel, outcome: input.outcome, taskId: input.taskId ?? null },
  });
  if (input.promise)
    await addPromise(ctx, {
      clientId: input.clientId,
      ...input.promise,
      made: today,
      channel: input.channel,
      enteredBy: 'user',
      interactionId: row.id,
      notes: input.notes,
    });
  if (input.taskId) await completeTask(ctx, input.taskId, row.id);
  return { id: row.id, taskId: input.taskId ?? null };
}

import { defaultPolicy, type Policy } from '#shared/domain/workflow/policy';
import { policySchema } from '#shared/contract/policy';
import { languageOf } from '#shared/i18n/index';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { getSettings } from '../settings/service';

const KEY = 'workflow.policy';

/** The book's policy; a book that never saved one gets the defaults in its language and country. */
export async function getPolicy(ctx: Ctx): Promise<Policy> {
  const row = await ctx.db.selectFrom('appSettings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (row) {
    const parsed = policySchema.safeParse(JSON.parse(row.value));
    if (parsed.success) return parsed.data as Policy;
  }
  const s = await getSettings(ctx);
  return defaultPolicy(languageOf(s.locale), s.country);
}

/** Replaces the whole policy (already validated by the contract); the audit log keeps the old one. */
export async function setPolicy(ctx: Ctx, policy: Policy): Promise<Policy> {
  const before = await getPolicy(ctx);
  const value = JSON.stringify(policy);
  await ctx.db
    .insertInto('appSettings')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  await audit(ctx, { entity: 'settings', entityId: null, action: 'policy.set', before, after: policy });
  return policy;
}

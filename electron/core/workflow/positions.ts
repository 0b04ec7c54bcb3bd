import { sql } from 'kysely';
import type { PastContact } from '#shared/domain/workflow/contactRules';
import type { ClientPosition } from '#shared/domain/workflow/engine';
import { SEGMENTS, type Segment } from '#shared/domain/workflow/policy';
import type { Ctx } from '../context';

type Agg = { client_id: number; currency: string; open: number; overdue: number; oldest: string };

/**
 * Every client's collectible position per currency on `date`: open invoices, less open disputes (the
 * disputed amount, or the whole balance when the dispute names none), without invoices under an active
 * payment plan. A handful of grouped queries over the open-invoice index, whatever the book's size.
 */
export async function loadPositions(ctx: Ctx, date: string): Promise<ClientPosition[]> {
  const db = ctx.db.withoutPlugins();
  const aggs = (
    await sql<Agg>`
      SELECT client_id, currency, sum(collectible) AS open,
        sum(CASE WHEN due_date < ${date} THEN collectible ELSE 0 END) AS overdue, min(due_date) AS oldest
      FROM (
        SELECT i.client_id, i.currency, i.due_date,
          max(0, i.open_amount - coalesce((SELECT coalesce(d.amount, i.open_amount) FROM disputes d WHERE d.invoice_id = i.id AND d.status = 'open' LIMIT 1), 0)) AS collectible
        FROM invoices i
        WHERE i.open_amount > 0 AND i.voided_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM plan_invoices pi JOIN payment_plans pp ON pp.id = pi.plan_id WHERE pi.invoice_id = i.id AND pp.status = 'active')
      ) WHERE collectible > 0
      GROUP BY client_id, currency`.execute(db)
  ).rows;
  if (aggs.length === 0) return [];
  const clients = new Map(
    (await ctx.db.selectFrom('clients').select(['id', 'segment', 'doNotContact', 'consumer', 'riskOverride']).where('archivedAt', 'is', null).execute()).map(
      (c) => [c.id, c],
    ),
  );
  const promised = new Set(
    (
      await ctx.db
        .selectFrom('promises')
        .select('clientId')
        .where('status', '=', 'open')
        .where(sql<boolean>`coalesce(made_on, substr(created_at, 1, 10)) <= ${date}`)
        .execute()
    ).map((r) => r.clientId),
  );
  const last = new Map(
    (
      await sql<{
        client_id: number;
        d: string;
      }>`SELECT client_id, max(substr(occurred_at, 1, 10)) AS d FROM interactions WHERE substr(occurred_at, 1, 10) <= ${date} GROUP BY client_id`.execute(db)
    ).rows.map((r) => [r.client_id, r.d]),
  );
  const recent = new Map<number, PastContact[]>();
  const week = (
    await sql<{ client_id: number; d: string; channel: string }>`
      SELECT client_id, substr(occurred_at, 1, 10) AS d, channel FROM interactions
      WHERE substr(occurred_at, 1, 10) > date(${date}, '-7 days') AND substr(occurred_at, 1, 10) <= ${date}`.execute(db)
  ).rows;
  for (const r of week) recent.set(r.client_id, [...(recent.get(r.client_id) ?? []), { date: r.d, channel: r.channel }]);

  const out: ClientPosition[] = [];
  for (const a of aggs) {
    const c = clients.get(a.client_id);
    if (!c) continue;
    out.push({
      clientId: a.client_id,
      currency: a.currency,
      segment: segmentOf(c.riskOverride ?? null, c.segment),
      doNotContact: c.doNotContact === 1,
      consumer: c.consumer === 1,
      open: Number(a.open),
      overdue: Number(a.overdue),
      oldestDue: a.oldest,
      activePromise: promised.has(a.client_id),
      lastContact: last.get(a.client_id) ?? null,
      recentContacts: recent.get(a.client_id) ?? [],
    });
  }
  return out;
}

/** The manual override wins; otherwise a client segment literally named A, B or C. */
function segmentOf(override: Segment | null, segment: string | null): Segment | null {
  if (override) return override;
  return (SEGMENTS as readonly string[]).includes(segment ?? '') ? (segment as Segment) : null;
}

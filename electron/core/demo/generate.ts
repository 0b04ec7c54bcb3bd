import type { DemoResult } from '#shared/contract/system';
import { addMonths, fromEpochDay, toEpochDay } from '#shared/domain/dates';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import { bulkInserter, nextId } from '../db/dialect';
import { searchTextOf } from '../clients/service';
import { CarteraError } from '../errors';
import { companyName, METHODS, personName, ruc, SEGMENTS } from './names';
import { rng, type Rng } from './random';

export type DemoOptions = { clients: number; invoices: number; seed: number; today: string };

/** Bump when the generated data changes for a given seed (cached benchmark books are keyed by it). */
export const GENERATOR_VERSION = 2;

type Profile = 'good' | 'slow' | 'bad';
/** an invoice of the client still open at "today", as far as the generator knows */
/** An invoice still open after its own payments; lastEvent is the epoch day of its latest payment or credit. */
type OpenInv = { id: number; open: number; currency: string; due: number; amount: number; lastEvent: number };

const HISTORY_DAYS = 730;

/**
 * Builds a realistic, deterministic book (same seed and today, same data): clients with contacts
 * (a few key accounts with thousands of invoices, many small ones), invoices over two years in PEN and
 * USD, payments on time, late, in parts or never by client profile, credit notes, disputes (open,
 * resolved with a credit note, rejected), collection calls with promises kept or broken, payment plans
 * with installments, and a little unapplied credit. About 5% of invoices are open at "today".
 *
 * It streams: one client at a time through prepared statements, holding only that client's open
 * invoices, so a million invoices need little memory. Runs in the caller's transaction.
 */
export async function generateDemo(ctx: Ctx, opts: DemoOptions): Promise<DemoResult> {
  const existing = await ctx.db.selectFrom('clients').select('id').limit(1).executeTakeFirst();
  if (existing) throw new CarteraError('invalid_state', 'error.demo.not_empty');
  const r = rng(opts.seed);
  const s = ctx.sqlite;
  const now = nowIso(ctx);
  const T = toEpochDay(opts.today);
  const dayCache = new Map<number, string>();
  const day = (n: number): string => {
    let d = dayCache.get(n);
    if (d === undefined) dayCache.set(n, (d = fromEpochDay(n)));
    return d;
  };
  const ins = {
    client: bulkInserter(s, 'clients', [
      'id',
      'code',
      'name',
      'tax_id',
      'email',
      'phone',
      'address',
      'segment',
      'credit_limit',
      'payment_terms_days',
      'do_not_contact',
      'notes',
      'search_text',
      'created_at',
      'updated_at',
    ]),
    contact: bulkInserter(s, 'contacts', ['client_id', 'name', 'role', 'phone', 'email', 'whatsapp', 'preferred_channel', 'created_at', 'updated_at']),
    invoice: bulkInserter(s, 'invoices', [
      'id',
      'client_id',
      'series',
      'number',
      'issue_date',
      'due_date',
      'currency',
      'amount',
      'open_amount',
      'settled_on',
      'description',
      'created_at',
      'updated_at',
    ]),
    credit: bulkInserter(s, 'credit_notes', ['client_id', 'invoice_id', 'number', 'date', 'currency', 'amount', 'reason', 'created_at']),
    payment: bulkInserter(s, 'payments', [
      'id',
      'client_id',
      'date',
      'amount',
      'currency',
      'method',
      'reference',
      'unapplied_amount',
      'created_at',
      'updated_at',
    ]),
    alloc: bulkInserter(s, 'payment_allocations', ['payment_id', 'invoice_id', 'amount', 'date', 'created_at']),
    interaction: bulkInserter(s, 'interactions', [
      'id',
      'client_id',
      'occurred_at',
      'channel',
      'direction',
      'outcome',
      'notes',
      'next_action',
      'next_action_on',
      'created_at',
    ]),
    promise: bulkInserter(s, 'promises', [
      'client_id',
      'invoice_id',
      'interaction_id',
      'promised_date',
      'amount',
      'currency',
      'status',
      'created_at',
      'resolved_at',
    ]),
    dispute: bulkInserter(s, 'disputes', ['client_id', 'invoice_id', 'opened_on', 'reason', 'amount', 'status', 'resolved_on', 'resolution', 'created_at']),
    plan: bulkInserter(s, 'payment_plans', [
      'id',
      'client_id',
      'currency',
      'total_amount',
      'start_date',
      'frequency',
      'installments_count',
      'status',
      'notes',
      'created_at',
    ]),
    planInvoice: bulkInserter(s, 'plan_invoices', ['plan_id', 'invoice_id']),
    installment: bulkInserter(s, 'plan_installments', ['plan_id', 'seq', 'due_date', 'amount', 'paid_amount', 'status']),
  };
  const settle = s.prepare('UPDATE invoices SET open_amount = ?, settled_on = ? WHERE id = ?');
  let clientId = nextId(s, 'clients');
  let invoiceId = nextId(s, 'invoices');
  let paymentId = nextId(s, 'payments');
  let interactionId = nextId(s, 'interactions');
  let planId = nextId(s, 'payment_plans');
  let invoiceNo = 1;
  let creditNo = 1;
  let payments = 0;
  const at = (d: number) => `${day(d)}T${String(r.int(13, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00.000Z`;

  /** One payment of `amount` on day `d` applied to one invoice (sometimes a little overpaid: credit). */
  const pay = (cid: number, invId: number, d: number, amount: number, currency: string, pending: (() => void)[]) => {
    const pid = paymentId++;
    const extra = r.chance(0.002) ? r.int(1, 50) * 100 : 0;
    const method = r.pick(METHODS);
    pending.push(() => {
      ins.payment([pid, cid, day(d), amount + extra, currency, method, `OP-${String(pid).padStart(8, '0')}`, extra, now, now]);
      ins.alloc([pid, invId, amount, day(d), now]);
    });
    payments++;
  };

  const counts = spread(r, opts.invoices, opts.clients);
  for (let c = 0; c < opts.clients; c++) {
    const id = clientId++;
    const code = `C${String(c + 1).padStart(5, '0')}`;
    const name = companyName(r, c);
    const profile: Profile = r.chance(0.62) ? 'good' : r.chance(0.8) ? 'slow' : 'bad';
    const terms = r.pick([0, 7, 15, 15, 30, 30, 30, 45, 60]);
    const mainCurrency = r.chance(0.78) ? 'PEN' : 'USD';
    const contact = personName(r);
    const phone = `+51 9${r.int(10, 99)} ${r.int(100, 999)} ${r.int(100, 999)}`;
    const email = `cobranzas${c + 1}@${code.toLowerCase()}.example.pe`;
    const taxId = ruc(r);
    ins.client([
      id,
      code,
      name,
      taxId,
      email,
      phone,
      `Av. ${r.pick(['Arequipa', 'Javier Prado', 'La Marina', 'Grau', 'Brasil'])} ${r.int(100, 3999)}, Lima`,
      r.pick(SEGMENTS),
      r.chance(0.5) ? r.int(10, 200) * 100_000 : null,
      terms,
      r.chance(0.03) ? 1 : 0,
      null,
      searchTextOf({ code, name, taxId, phone, email }),
      now,
      now,
    ]);
    ins.contact([
      id,
      contact,
      r.pick(['Tesorería', 'Contabilidad', 'Gerencia', 'Compras']),
      phone,
      email,
      phone,
      r.pick(['whatsapp', 'email', 'phone']),
      now,
      now,
    ]);
    if (r.chance(0.3)) ins.contact([id, personName(r), 'Gerencia', null, `gerencia@${code.toLowerCase()}.example.pe`, null, 'email', now, now]);

    const openList: OpenInv[] = [];
    for (let k = 0; k < counts[c]!; k++) {
      const invId = invoiceId++;
      const currency = r.chance(0.9) ? mainCurrency : mainCurrency === 'PEN' ? 'USD' : 'PEN';
      const issue = T - Math.floor(HISTORY_DAYS * r.next());
      const due = issue + terms;
      const amount = r.amount(currency === 'PEN' ? 350_000 : 120_000);
      let open = amount;
      let lastEvent = -1;
      const pending: (() => void)[] = []; // rows that reference the invoice, written after it

      // A dispute holds payment until it is resolved (with a credit note) or rejected; some are still open.
      let notBefore = issue;
      let blocked = false;
      if (r.chance(0.012)) {
        const opened = issue + r.int(3, 30);
        if (opened <= T) {
          const resolved = opened + r.int(10, 90);
          const reason = r.pick(['Mercadería dañada', 'Precio distinto al pactado', 'Entrega incompleta', 'Factura duplicada', 'Servicio no conforme']);
          const disputed = r.chance(0.5) ? amount : Math.max(100, Math.round((amount * r.int(10, 60)) / 100));
          const iid = interactionId++;
          pending.push(() =>
            ins.interaction([iid, id, at(opened), r.pick(['phone', 'email']), 'inbound', 'dispute', reason, 'Revisar reclamo', day(opened + 7), now]),
          );
          if (resolved > T) {
            pending.push(() => ins.dispute([id, invId, day(opened), reason, disputed, 'open', null, null, now]));
            blocked = true;
          } else if (r.chance(0.5)) {
            const cnAmount = Math.min(open, disputed, Math.max(100, Math.round((amount * r.int(5, 40)) / 100)));
            const cnNumber = `NC-${String(creditNo++).padStart(6, '0')}`;
            pending.push(() => {
              ins.dispute([id, invId, day(opened), reason, disputed, 'resolved', day(resolved), 'Nota de crédito emitida', now]);
              ins.credit([id, invId, cnNumber, day(resolved), currency, cnAmount, reason, now]);
            });
            open -= cnAmount;
            lastEvent = resolved;
            notBefore = resolved;
          } else {
            pending.push(() => ins.dispute([id, invId, day(opened), reason, disputed, 'rejected', day(resolved), 'Reclamo no procede', now]));
            notBefore = resolved;
          }
        }
      } else if (r.chance(0.02)) {
        const cnDate = Math.min(issue + r.int(1, 20), T);
        const cnAmount = r.chance(0.3) ? amount : Math.max(1, Math.round((amount * r.int(5, 40)) / 100));
        const cnNumber = `NC-${String(creditNo++).padStart(6, '0')}`;
        pending.push(() => ins.credit([id, invId, cnNumber, day(cnDate), currency, cnAmount, 'Descuento / devolución', now]));
        open -= cnAmount;
        lastEvent = cnDate;
      }

      if (!blocked) {
        for (const p of paymentScheduleFor(r, profile, due, T - issue)) {
          if (open <= 0) break;
          const d = Math.max(p.day, notBefore);
          if (d > T) break;
          const paid = p.fraction >= 1 ? open : Math.max(1, Math.min(open, Math.round(open * p.fraction)));
          // a late payment often follows a collection call with a promise
          if (d > due + 15 && r.chance(0.25)) {
            const called = Math.max(due + 5, d - r.int(3, 25));
            const promised = called + r.int(2, 15);
            const iid = interactionId++;
            const kept = d <= promised + 3;
            pending.push(() => {
              ins.interaction([iid, id, at(called), r.pick(['phone', 'whatsapp', 'email']), 'outbound', 'promise', 'Promete pagar', null, null, now]);
              ins.promise([id, invId, iid, day(promised), paid, currency, kept ? 'kept' : 'broken', now, `${day(kept ? d : promised + 1)}T12:00:00.000Z`]);
            });
          }
          pay(id, invId, d, paid, currency, pending);
          open -= paid;
          lastEvent = Math.max(lastEvent, d);
        }
      }
      const settledOn = open === 0 ? day(lastEvent) : null;
      ins.invoice([
        invId,
        id,
        'F001',
        String(invoiceNo++).padStart(8, '0'),
        day(issue),
        day(due),
        currency,
        amount,
        open,
        settledOn,
        r.pick(['Venta de mercadería', 'Servicio mensual', 'Suministros', 'Mantenimiento', 'Consultoría']),
        now,
        now,
      ]);
      for (const write of pending) write();
      if (open > 0) openList.push({ id: invId, open, currency, due, amount, lastEvent });
    }

    const overdue = openList.filter((o) => o.due < T).sort((a, b) => a.due - b.due || a.id - b.id);
    // A client in trouble agrees a payment plan over its oldest overdue invoices; the installments due so far are mostly paid.
    if (profile === 'bad' && overdue.length >= 2 && r.chance(0.35)) {
      const currency = overdue[0]!.currency;
      const covered = overdue.filter((o) => o.currency === currency).slice(0, 4);
      const total = covered.reduce((a, o) => a + o.open, 0);
      const pid = planId++;
      const start = T - r.int(0, 75);
      const frequency = r.pick(['monthly', 'monthly', 'biweekly'] as const);
      const n = r.int(3, 6);
      ins.plan([pid, id, currency, total, day(start), frequency, n, 'active', 'Cronograma acordado por teléfono', now]);
      for (const o of covered) ins.planInvoice([pid, o.id]);
      let left = total;
      for (let q = 1; q <= n; q++) {
        const amount = q === n ? left : Math.floor(total / n);
        left -= amount;
        const due = frequency === 'monthly' ? toEpochDay(addMonths(day(start), q - 1)) : start + 14 * (q - 1);
        let paidAmount = 0;
        if (due <= T && r.chance(0.75)) {
          const d = Math.min(T, due + r.int(-2, 5));
          // one payment applied to the plan's invoices oldest first
          const payId = paymentId++;
          ins.payment([payId, id, day(d), amount, currency, r.pick(METHODS), `CUOTA-${pid}-${q}`, 0, now, now]);
          payments++;
          let rest = amount;
          for (const o of covered) {
            if (rest === 0) break;
            const part = Math.min(rest, o.open);
            if (part === 0) continue;
            ins.alloc([payId, o.id, part, day(d), now]);
            o.open -= part;
            rest -= part;
            o.lastEvent = Math.max(o.lastEvent, d);
            // settled when the last of its payments arrived, which may be an earlier-made, later-dated one
            settle.run(o.open, o.open === 0 ? day(o.lastEvent) : null, o.id);
          }
          paidAmount = amount;
        }
        ins.installment([pid, q, day(due), amount, paidAmount, paidAmount === amount ? 'paid' : due < T ? 'late' : 'pending']);
      }
    }

    // Recent collection calls on what is still overdue; some end in a promise, some in a dispute claim.
    const stillOverdue = overdue.filter((o) => o.open > 0);
    if (stillOverdue.length > 0) {
      const target = stillOverdue[Math.floor(r.next() * stillOverdue.length)]!;
      const calls = r.int(1, 3);
      for (let k = 0; k < calls; k++) {
        const iid = interactionId++;
        const d = T - r.int(1, 30);
        const outcome = r.pick(['no_answer', 'no_answer', 'promise', 'callback', 'paid_claimed']);
        ins.interaction([
          iid,
          id,
          at(d),
          r.pick(['phone', 'whatsapp', 'email']),
          'outbound',
          outcome,
          outcome === 'promise' ? 'Promete pagar' : null,
          'Volver a llamar',
          day(T + r.int(-3, 7)),
          now,
        ]);
        if (outcome === 'promise') {
          const promised = d + r.int(3, 20);
          ins.promise([
            id,
            target.id,
            iid,
            day(promised),
            Math.min(target.open, Math.max(100, Math.round(target.open / r.int(1, 3)))),
            target.currency,
            promised < T ? 'broken' : 'open',
            now,
            promised < T ? `${day(promised + 1)}T12:00:00.000Z` : null,
          ]);
        }
      }
    }
  }
  const settings = await ctx.db.selectFrom('companySettings').select('name').executeTakeFirst();
  if (!settings || settings.name === '') {
    await ctx.db
      .insertInto('companySettings')
      .values({
        id: 1,
        name: 'Comercial Demo S.A.C.',
        taxId: '20123456789',
        address: 'Av. Larco 101, Miraflores, Lima',
        logo: null,
        country: 'PE',
        defaultCurrency: 'PEN',
        locale: 'es-PE',
        timezone: 'America/Lima',
        updatedAt: now,
      })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: 'Comercial Demo S.A.C.', updatedAt: now }))
      .execute();
  }
  return { clients: opts.clients, invoices: opts.invoices, payments };
}

/** When (epoch day) and how much (fraction of what is open then) a client of this profile pays an invoice. */
function paymentScheduleFor(r: Rng, profile: Profile, due: number, age: number): { day: number; fraction: number }[] {
  if (profile === 'good') {
    if (r.chance(0.04))
      return [
        { day: due + r.int(-10, 5), fraction: 0.5 },
        { day: due + r.int(6, 30), fraction: 1 },
      ];
    return [{ day: due + r.int(-18, 3), fraction: 1 }];
  }
  if (profile === 'slow') {
    if (r.chance(0.3))
      return [
        { day: due + r.int(0, 25), fraction: 0.3 + r.next() * 0.4 },
        { day: due + r.int(30, 75), fraction: 1 },
      ];
    return [{ day: due + r.int(3, 40), fraction: 1 }];
  }
  // bad payers: very late, in parts, and some never (bad debt, more likely on old invoices)
  const x = r.next();
  if (x < 0.65) return [{ day: due + r.int(20, 120), fraction: 1 }];
  if (x < 0.93)
    return [
      { day: due + r.int(15, 50), fraction: 0.2 + r.next() * 0.5 },
      { day: due + r.int(60, 180), fraction: 1 },
    ];
  return age > 540 && r.chance(0.5) ? [{ day: due + r.int(60, 200), fraction: 0.2 + r.next() * 0.3 }] : [];
}

/** Splits `total` invoices over `n` clients unevenly, exactly: a few key accounts with thousands, many small ones. */
function spread(r: Rng, total: number, n: number): number[] {
  const keyAccounts = Math.floor(n / 1000); // none in a small demo book
  const w = Array.from({ length: n }, (_, i) => (keyAccounts > 0 && i % Math.ceil(n / keyAccounts) === 0 ? 25 + r.next() * 25 : Math.pow(r.next(), 2) + 0.05));
  const sum = w.reduce((a, b) => a + b, 0);
  const counts = w.map((x) => Math.floor((total * x) / sum));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % n, left--) counts[i]!++;
  return counts;
}

import type { DemoResult } from '#shared/contract/system';
import { addDays } from '#shared/domain/dates';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import { bulkInserter, nextId } from '../db/dialect';
import { searchTextOf } from '../clients/service';
import { CarteraError } from '../errors';
import { companyName, METHODS, personName, ruc, SEGMENTS } from './names';
import { rng, type Rng } from './random';

export type DemoOptions = { clients: number; invoices: number; seed: number; today: string };

type Profile = 'good' | 'slow' | 'bad';

/**
 * Builds a realistic, deterministic book (same seed, same data): clients with contacts, invoices over
 * two years, payments that come on time, late, partly or never by client profile, credit notes,
 * interactions and promises. Writes straight through prepared statements: it can make a million rows.
 */
export async function generateDemo(ctx: Ctx, opts: DemoOptions): Promise<DemoResult> {
  const existing = await ctx.db.selectFrom('clients').select('id').limit(1).executeTakeFirst();
  if (existing) throw new CarteraError('invalid_state', 'error.demo.not_empty');
  const r = rng(opts.seed);
  const s = ctx.sqlite;
  const now = nowIso(ctx);
  const ins = {
    client: bulkInserter(s, 'clients', ['id', 'code', 'name', 'tax_id', 'email', 'phone', 'address', 'segment', 'credit_limit', 'payment_terms_days', 'do_not_contact', 'notes', 'search_text', 'created_at', 'updated_at']),
    contact: bulkInserter(s, 'contacts', ['client_id', 'name', 'role', 'phone', 'email', 'whatsapp', 'preferred_channel', 'created_at', 'updated_at']),
    invoice: bulkInserter(s, 'invoices', ['id', 'client_id', 'series', 'number', 'issue_date', 'due_date', 'currency', 'amount', 'open_amount', 'settled_on', 'description', 'created_at', 'updated_at']),
    credit: bulkInserter(s, 'credit_notes', ['client_id', 'invoice_id', 'number', 'date', 'currency', 'amount', 'reason', 'created_at']),
    payment: bulkInserter(s, 'payments', ['id', 'client_id', 'date', 'amount', 'currency', 'method', 'reference', 'unapplied_amount', 'created_at', 'updated_at']),
    alloc: bulkInserter(s, 'payment_allocations', ['payment_id', 'invoice_id', 'amount', 'date', 'created_at']),
    interaction: bulkInserter(s, 'interactions', ['id', 'client_id', 'occurred_at', 'channel', 'direction', 'outcome', 'notes', 'next_action', 'next_action_on', 'created_at']),
    promise: bulkInserter(s, 'promises', ['client_id', 'invoice_id', 'interaction_id', 'promised_date', 'amount', 'currency', 'status', 'created_at']),
  };
  let clientId = nextId(s, 'clients');
  let invoiceId = nextId(s, 'invoices');
  let paymentId = nextId(s, 'payments');
  let interactionId = nextId(s, 'interactions');
  let invoiceNo = 1;
  let creditNo = 1;
  let payments = 0;

  const counts = spread(r, opts.invoices, opts.clients);
  for (let c = 0; c < opts.clients; c++) {
    const id = clientId++;
    const code = `C${String(c + 1).padStart(5, '0')}`;
    const name = companyName(r, c);
    const profile: Profile = r.chance(0.6) ? 'good' : r.chance(0.7) ? 'slow' : 'bad';
    const terms = r.pick([0, 15, 30, 30, 30, 45, 60]);
    const mainCurrency = r.chance(0.78) ? 'PEN' : 'USD';
    const contact = personName(r);
    const phone = `+51 9${r.int(10, 99)} ${r.int(100, 999)} ${r.int(100, 999)}`;
    const email = `cobranzas${c + 1}@${code.toLowerCase()}.example.pe`;
    const taxId = ruc(r);
    ins.client([id, code, name, taxId, email, phone, `Av. ${r.pick(['Arequipa', 'Javier Prado', 'La Marina', 'Grau', 'Brasil'])} ${r.int(100, 3999)}, Lima`, r.pick(SEGMENTS), r.chance(0.5) ? r.int(10, 200) * 100_000 : null, terms, r.chance(0.03) ? 1 : 0, null, searchTextOf({ code, name, taxId, phone, email }), now, now]);
    ins.contact([id, contact, r.pick(['Tesorería', 'Contabilidad', 'Gerencia', 'Compras']), phone, email, phone, r.pick(['whatsapp', 'email', 'phone']), now, now]);

    let overdueOpen: { id: number; open: number; currency: string } | null = null;
    for (let k = 0; k < counts[c]!; k++) {
      const invId = invoiceId++;
      const currency = r.chance(0.9) ? mainCurrency : mainCurrency === 'PEN' ? 'USD' : 'PEN';
      const age = Math.floor(720 * Math.pow(r.next(), 1.6));
      const issue = addDays(opts.today, -age);
      const due = addDays(issue, terms);
      const amount = r.amount(currency === 'PEN' ? 350_000 : 120_000);
      let open = amount;
      let settledOn: string | null = null;
      const events: string[] = [];
      const pending: (() => void)[] = []; // rows that reference the invoice, written after it

      if (r.chance(0.02)) {
        const cnDate = minDate(addDays(issue, r.int(1, 20)), opts.today);
        const cnAmount = r.chance(0.3) ? amount : Math.max(1, Math.round((amount * r.int(5, 40)) / 100));
        const cnNumber = `NC-${String(creditNo++).padStart(6, '0')}`;
        pending.push(() => ins.credit([id, invId, cnNumber, cnDate, currency, cnAmount, 'Descuento / devolución', now]));
        open -= cnAmount;
        events.push(cnDate);
      }
      const plan = paymentPlanFor(r, profile, due, age);
      for (const p of plan) {
        if (open <= 0) break;
        const date = p.date < issue ? issue : p.date;
        if (date > opts.today) break;
        const paid = p.fraction >= 1 ? open : Math.max(1, Math.min(open, Math.round(open * p.fraction)));
        const pid = paymentId++;
        const method = r.pick(METHODS);
        pending.push(() => {
          ins.payment([pid, id, date, paid, currency, method, `OP-${String(pid).padStart(8, '0')}`, 0, now, now]);
          ins.alloc([pid, invId, paid, date, now]);
        });
        payments++;
        open -= paid;
        events.push(date);
      }
      if (open === 0) settledOn = events.reduce((a, b) => (a > b ? a : b));
      ins.invoice([invId, id, 'F001', String(invoiceNo++).padStart(8, '0'), issue, due, currency, amount, open, settledOn, r.pick(['Venta de mercadería', 'Servicio mensual', 'Suministros', 'Mantenimiento', 'Consultoría']), now, now]);
      for (const write of pending) write();
      if (open > 0 && due < opts.today && (!overdueOpen || r.chance(0.3))) overdueOpen = { id: invId, open, currency };
    }
    if (overdueOpen) {
      const calls = r.int(1, 3);
      for (let k = 0; k < calls; k++) {
        const iid = interactionId++;
        const day = addDays(opts.today, -r.int(1, 30));
        const outcome = r.pick(['no_answer', 'promise', 'callback', 'dispute', 'paid_claimed']);
        ins.interaction([iid, id, `${day}T${String(r.int(13, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00.000Z`, r.pick(['phone', 'whatsapp', 'email']), 'outbound', outcome, outcome === 'promise' ? 'Promete pagar' : null, 'Volver a llamar', addDays(opts.today, r.int(-3, 7)), now]);
        if (outcome === 'promise') {
          const promised = addDays(day, r.int(3, 20));
          ins.promise([id, overdueOpen.id, iid, promised, Math.min(overdueOpen.open, Math.max(100, Math.round(overdueOpen.open / r.int(1, 3)))), overdueOpen.currency, promised < opts.today ? 'broken' : 'open', now]);
        }
      }
    }
  }
  const settings = await ctx.db.selectFrom('companySettings').select('name').executeTakeFirst();
  if (!settings || settings.name === '') {
    await ctx.db
      .insertInto('companySettings')
      .values({ id: 1, name: 'Comercial Demo S.A.C.', taxId: '20123456789', address: 'Av. Larco 101, Miraflores, Lima', logo: null, country: 'PE', defaultCurrency: 'PEN', locale: 'es-PE', timezone: 'America/Lima', updatedAt: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: 'Comercial Demo S.A.C.', updatedAt: now }))
      .execute();
  }
  return { clients: opts.clients, invoices: opts.invoices, payments };
}

/** When and how much a client of this profile pays of an invoice due on `due`. */
function paymentPlanFor(r: Rng, profile: Profile, due: string, age: number): { date: string; fraction: number }[] {
  const old = age > 300;
  if (profile === 'good') return [{ date: addDays(due, r.int(-5, 12)), fraction: 1 }];
  if (profile === 'slow') {
    if (r.chance(0.3)) return [{ date: addDays(due, r.int(10, 40)), fraction: 0.5 }, { date: addDays(due, r.int(45, 100)), fraction: 1 }];
    return [{ date: addDays(due, r.int(15, 75)), fraction: 1 }];
  }
  if (old ? r.chance(0.85) : r.chance(0.45)) return [{ date: addDays(due, r.int(40, 220)), fraction: 1 }];
  if (r.chance(0.5)) return [{ date: addDays(due, r.int(20, 90)), fraction: 0.3 + r.next() * 0.4 }];
  return [];
}

/** Splits `total` invoices over `n` clients unevenly (a few big clients, many small), exactly. */
function spread(r: Rng, total: number, n: number): number[] {
  const w = Array.from({ length: n }, () => Math.pow(r.next(), 2) + 0.05);
  const sum = w.reduce((a, b) => a + b, 0);
  const counts = w.map((x) => Math.floor((total * x) / sum));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % n, left--) counts[i]!++;
  return counts;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

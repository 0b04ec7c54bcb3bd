import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { CurrencyBalance } from '#shared/contract/clients';
import { DEFAULT_BOUNDS, type AgingReport } from '#shared/domain/aging';
import { addDays, addMonths } from '#shared/domain/dates';
import { openCore, type Core } from '#core/app';
import { openDatabase, type Database } from '#core/db/open';
import { fixedClock } from '#shared/domain/dates';
import { foldForSearch } from '#core/db/dialect';
import { assertSame, type BenchCase, type BenchEnv } from './harness';
import { processCases } from './process';
import { workflowCases } from './workflowCases';

/**
 * The benchmark cases. Adding one is one object: a name, a `run` that does what the app does (through
 * `core.call`, the same path as the UI), and for query cases a `floor` (the best hand-written raw SQL for
 * the same result) with a `check` that the two agree.
 */

// ---------- aging ----------

type AgingRow = { code: string; currency: string; buckets: number[]; total: number };

/** `CASE` that puts a reference date in its bucket: days ≤ bound ⇔ ref ≥ asOf − bound. */
function bucketSql(asOf: string, col: string): string {
  const whens = DEFAULT_BOUNDS.map((b, i) => `WHEN ${col} >= '${addDays(asOf, -b)}' THEN ${i}`).join(' ');
  return `CASE ${whens} ELSE ${DEFAULT_BOUNDS.length} END`;
}
const bucketSums = () =>
  DEFAULT_BOUNDS.concat([Infinity])
    .map((_, i) => `sum(iif(x.b = ${i}, x.open, 0)) AS b${i}`)
    .join(', ');

/**
 * Today: the maintained open amounts grouped per client and currency while the covering partial index is
 * scanned in its (client_id, currency, …) order, one cumulative sum per bucket threshold (bucket k is the
 * difference of two), the clients joined to the grouped rows only, rows as arrays.
 */
function agingTodayFloor(sqlite: BetterSqlite3.Database, asOf: string) {
  const t = DEFAULT_BOUNDS.map((b) => addDays(asOf, -b));
  const stmt = sqlite
    .prepare(
      `SELECT c.code, g.currency, g.total, ${t.map((_, k) => `g.s${k}`).join(', ')}
    FROM (SELECT i.client_id, i.currency, sum(i.open_amount) AS total,
            ${t.map((d, k) => `sum(i.open_amount) FILTER (WHERE i.due_date >= '${d}') AS s${k}`).join(', ')}
          FROM invoices i WHERE i.open_amount > 0 AND i.voided_at IS NULL AND i.issue_date <= ?
          GROUP BY i.client_id, i.currency) g
    JOIN clients c ON c.id = g.client_id`,
    )
    .raw(true);
  return () =>
    (stmt.all(asOf) as [string, string, number, ...(number | null)[]][]).map(([code, currency, total, ...s]) => {
      const cum = [...s.map((x) => x ?? 0), total];
      return { code, currency, buckets: cum.map((x, k) => x - (k ? cum[k - 1]! : 0)), total };
    });
}

/** A past date: each candidate invoice's balance from the events dated on or before it, bucketed and summed. */
function agingPastFloor(sqlite: BetterSqlite3.Database, asOf: string) {
  const stmt = sqlite.prepare(`
    SELECT c.code, x.currency, ${bucketSums()}, sum(x.open) AS total
    FROM (SELECT i.client_id, i.currency, ${bucketSql(asOf, 'i.due_date')} AS b,
            i.amount
            - coalesce((SELECT sum(a.amount) FROM payment_allocations a WHERE a.invoice_id = i.id AND a.voided_at IS NULL AND a.date <= $asOf), 0)
            - coalesce((SELECT sum(n.amount) FROM credit_notes n WHERE n.invoice_id = i.id AND n.voided_at IS NULL AND n.date <= $asOf), 0) AS open
          FROM invoices i
          WHERE i.voided_at IS NULL AND i.issue_date <= $asOf AND (i.settled_on IS NULL OR i.settled_on > $asOf)) x
    JOIN clients c ON c.id = x.client_id
    WHERE x.open > 0
    GROUP BY x.client_id, x.currency`);
  return () => toAgingRows(stmt.all({ asOf }) as Record<string, number | string>[]);
}

function toAgingRows(rows: Record<string, number | string>[]): AgingRow[] {
  return rows.map((r) => ({
    code: r.code as string,
    currency: r.currency as string,
    buckets: DEFAULT_BOUNDS.concat([0]).map((_, i) => Number(r[`b${i}`])),
    total: Number(r.total),
  }));
}

function checkAging(report: AgingReport, floor: AgingRow[]): void {
  const key = (r: { code: string; currency: string }) => `${r.code}|${r.currency}`;
  const got = new Map(report.clients.map((c) => [key(c), { buckets: c.buckets, total: c.total }]));
  const want = new Map(floor.map((c) => [key(c), { buckets: c.buckets, total: c.total }]));
  if (got.size !== want.size) throw new Error(`client lines ${got.size} ≠ ${want.size}`);
  for (const [k, v] of want) assertSame(`client ${k}`, got.get(k), v);
  const totals = new Map<string, number>();
  for (const r of floor) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.total);
  for (const t of report.totals) assertSame(`total ${t.currency}`, t.total, totals.get(t.currency));
  if (floor.length === 0) throw new Error('empty aging: the book has no open items?');
}

function agingCase(name: string, asOf: (env: BenchEnv) => string, floorOf: typeof agingTodayFloor, runs?: number): BenchCase<AgingReport, AgingRow[]> {
  let floor: () => AgingRow[] = () => [];
  let date = '';
  return {
    name,
    runs,
    setup: (env) => {
      date = asOf(env);
      floor = floorOf(env.sqlite, date);
    },
    run: (env) => env.core.call('aging.report', { asOf: date, basis: 'due' }),
    floor: () => floor(),
    check: checkAging,
  };
}

// ---------- clients: list and type-ahead search ----------

type ListResult = { rows: { id: number; balances: CurrencyBalance[] }[]; total: number };
type ListFloor = { total: number; rows: { id: number; balances: CurrencyBalance[] }[] };

/** The first page of clients matching a term (or all), its total and each row's balances, in one SQL. */
function clientListFloor(sqlite: BetterSqlite3.Database, today: string, withSearch: boolean) {
  const stmt = sqlite.prepare(`
    WITH m AS (SELECT id, code, name, tax_id, segment, do_not_contact FROM clients
               WHERE archived_at IS NULL ${withSearch ? "AND search_text LIKE $pattern ESCAPE '\\'" : ''}),
         page AS (SELECT * FROM m ORDER BY name, id LIMIT $limit)
    SELECT p.id, p.code, p.name, p.tax_id, p.segment, p.do_not_contact, (SELECT count(*) FROM m) AS total,
      (SELECT json_group_array(json_array(currency, open, overdue, oldest)) FROM (
         SELECT currency, sum(open_amount) AS open, sum(iif(due_date < $today, open_amount, 0)) AS overdue, min(iif(due_date < $today, due_date, NULL)) AS oldest
         FROM invoices WHERE client_id = p.id AND open_amount > 0 AND voided_at IS NULL GROUP BY currency)) AS inv,
      (SELECT json_group_array(json_array(currency, credit)) FROM (
         SELECT currency, sum(unapplied_amount) AS credit FROM payments
         WHERE client_id = p.id AND unapplied_amount > 0 AND voided_at IS NULL GROUP BY currency)) AS cr
    FROM page p ORDER BY p.name, p.id`);
  return (term: string | null, limit = 50) =>
    stmt.all({ today, limit, ...(withSearch ? { pattern: '%' + foldForSearch(term ?? '').replace(/[\\%_]/g, (c) => '\\' + c) + '%' } : {}) }) as {
      id: number;
      total: number;
      inv: string;
      cr: string;
    }[];
}

function balancesFromFloor(inv: string, cr: string, today: string): CurrencyBalance[] {
  const out = new Map<string, CurrencyBalance>();
  const get = (cur: string) =>
    out.get(cur) ?? out.set(cur, { currency: cur, open: 0, overdue: 0, credit: 0, maxDaysOverdue: 0, disputed: 0, postDated: [] }).get(cur)!;
  for (const [cur, open, overdue, oldest] of JSON.parse(inv) as [string, number, number, string | null][]) {
    const b = get(cur);
    b.open = open;
    b.overdue = overdue;
    b.maxDaysOverdue = oldest ? Math.round((Date.parse(today) - Date.parse(oldest)) / 86_400_000) : 0;
  }
  for (const [cur, credit] of JSON.parse(cr) as [string, number][]) get(cur).credit = credit;
  return [...out.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

function checkList(got: ListResult, floor: ReturnType<ReturnType<typeof clientListFloor>>, today: string): void {
  const want: ListFloor = { total: floor[0]?.total ?? 0, rows: floor.map((r) => ({ id: r.id, balances: balancesFromFloor(r.inv, r.cr, today) })) };
  assertSame('total', got.total, want.total);
  assertSame(
    'rows',
    got.rows.map((r) => ({ id: r.id, balances: r.balances })),
    want.rows,
  );
}

/** What a clerk types in the search box: part of a name, a name with an accent left out, a code, a RUC prefix, an e-mail. */
export const SEARCH_TERMS = ['andi', 'comercial pac', 'farmacia nunoa', 'c0042', '2051', 'cobranzas77'];

// ---------- one client's page ----------

type PageResult = {
  client: { id: number; balances: CurrencyBalance[]; invoiceCount: number; openInvoiceCount: number; paymentCount: number };
  invoices: { id: number; openAmount: number }[];
  payments: { id: number; allocations: { id: number }[] }[];
};

/** What the client page shows first: the client, its balances and counts, the first page of invoices (open first) and of payments. */
function clientPageFloor(sqlite: BetterSqlite3.Database, today: string, limit: number) {
  const client = sqlite.prepare('SELECT * FROM clients WHERE id = ?');
  const contacts = sqlite.prepare('SELECT * FROM contacts WHERE client_id = ? ORDER BY id');
  const bal = sqlite.prepare(`
    SELECT (SELECT json_group_array(json_array(currency, open, overdue, oldest)) FROM (
         SELECT currency, sum(open_amount) AS open, sum(iif(due_date < $today, open_amount, 0)) AS overdue, min(iif(due_date < $today, due_date, NULL)) AS oldest
         FROM invoices WHERE client_id = $id AND open_amount > 0 AND voided_at IS NULL GROUP BY currency)) AS inv,
      (SELECT json_group_array(json_array(currency, credit)) FROM (
         SELECT currency, sum(unapplied_amount) AS credit FROM payments WHERE client_id = $id AND unapplied_amount > 0 AND voided_at IS NULL GROUP BY currency)) AS cr,
      (SELECT count(*) FROM invoices WHERE client_id = $id) AS invoiceCount,
      (SELECT count(*) FROM invoices WHERE client_id = $id AND open_amount > 0) AS openInvoiceCount,
      (SELECT count(*) FROM payments WHERE client_id = $id) AS paymentCount`);
  // open first, then the rest, each by due date then id descending: two reads in index order
  const openInvoices = sqlite.prepare('SELECT * FROM invoices WHERE client_id = ? AND open_amount > 0 ORDER BY due_date DESC, id DESC LIMIT ?');
  const otherInvoices = sqlite.prepare('SELECT * FROM invoices WHERE client_id = ? AND open_amount = 0 ORDER BY due_date DESC, id DESC LIMIT ?');
  const payments = sqlite.prepare('SELECT * FROM payments WHERE client_id = ? ORDER BY date DESC, id DESC LIMIT ?');
  const allocs = sqlite.prepare(`
    SELECT a.id, a.payment_id, a.invoice_id, a.amount, a.date, i.series, i.number
    FROM payment_allocations a JOIN invoices i ON i.id = a.invoice_id
    WHERE a.payment_id IN (SELECT id FROM payments WHERE client_id = ? ORDER BY date DESC, id DESC LIMIT ?) AND a.voided_at IS NULL ORDER BY a.id`);
  return (id: number) => {
    const open = openInvoices.all(id, limit) as { id: number; open_amount: number }[];
    return {
      client: client.get(id),
      contacts: contacts.all(id),
      balances: bal.get({ id, today }) as { inv: string; cr: string; invoiceCount: number; openInvoiceCount: number; paymentCount: number },
      invoices: open.length < limit ? open.concat(otherInvoices.all(id, limit - open.length) as { id: number; open_amount: number }[]) : open,
      payments: payments.all(id, limit) as { id: number }[],
      allocs: allocs.all(id, limit) as { id: number; payment_id: number }[],
    };
  };
}

// ---------- open + migrate ----------

function openMigrateCase(runs: number): BenchCase<Database> {
  let db: Database | null = null;
  const copy = (env: BenchEnv, i: number) => path.join(env.files.work, `open-${i}.sqlite`);
  return {
    name: 'open.migrate',
    runs,
    warmup: 1,
    before: (env, i) => {
      fs.copyFileSync(env.files.v1, copy(env, i)); // untimed
    },
    run: async (env, i) => (db = await openDatabase(copy(env, i), { backupDir: path.join(env.files.work, `before-${i}`) })),
    after: async (env, i) => {
      await db?.close();
      db = null;
      for (const f of fs.readdirSync(env.files.work))
        if (f.startsWith(`open-${i}.`) || f === `before-${i}`) fs.rmSync(path.join(env.files.work, f), { recursive: true, force: true });
    },
  };
}

// ---------- import 100k invoice rows ----------

const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/**
 * A CSV of `n` new invoices for existing clients, as an accountant's export would look (ISO dates, dot
 * decimals), base64-encoded as the app sends a file. Built in chunks of bytes, so the whole file exists
 * only as one Buffer and then its base64 (not also as an array of lines and a joined string).
 */
function invoiceCsvBase64(sqlite: BetterSqlite3.Database, n: number): string {
  const codes = (sqlite.prepare('SELECT code FROM clients ORDER BY id').all() as { code: string }[]).map((r) => r.code);
  const chunks: Buffer[] = [Buffer.from('client code,series,number,issue date,due date,currency,amount,description\n', 'utf8')];
  let lines: string[] = [];
  for (let k = 0; k < n; k++) {
    const issue = addDays('2026-11-01', -(k % 60));
    lines.push(
      `${codes[(k * 7919) % codes.length]},F900,${String(k + 1).padStart(8, '0')},${issue},${addDays(issue, 30)},${k % 5 === 0 ? 'USD' : 'PEN'},${money(1000 + ((k * 7717) % 900_000))},Venta ${k + 1}\n`,
    );
    if (lines.length === 5000 || k === n - 1) {
      chunks.push(Buffer.from(lines.join(''), 'utf8'));
      lines = [];
    }
  }
  return Buffer.concat(chunks).toString('base64');
}

/** Each run imports into its own fresh copy of the book (copied and opened untimed), so runs are alike. */
function importCase(rows: number, runs: number, warmup: number): BenchCase {
  let data = '';
  let core: Core | null = null;
  const copy = (env: BenchEnv, i: number) => path.join(env.files.work, `import-${i}.sqlite`);
  return {
    name: 'import.100k',
    runs,
    warmup,
    setup: (env) => void (data = invoiceCsvBase64(env.sqlite, rows)),
    before: async (env, i) => {
      fs.copyFileSync(env.files.book, copy(env, i));
      core = await openCore(copy(env, i), { clock: fixedClock(`${env.today}T12:00:00.000Z`), locale: 'es' });
    },
    run: async () => {
      const r = await core!.call('imports.run', { kind: 'invoices', fileName: 'facturas.csv', dataBase64: data, partial: false, dryRun: false });
      if (r.counts.created !== rows) throw new Error(`import.100k: ${JSON.stringify(r.counts)} ${JSON.stringify(r.rejects.slice(0, 3))}`);
      return r;
    },
    after: async (env, i) => {
      const n = (core!.ctx.sqlite.prepare("SELECT count(*) AS n FROM invoices WHERE series = 'F900'").get() as { n: number }).n;
      await core!.close();
      core = null;
      for (const f of fs.readdirSync(env.files.work)) if (f.startsWith(`import-${i}.`)) fs.rmSync(path.join(env.files.work, f), { force: true });
      if (n !== rows) throw new Error(`import.100k: ${n} of ${rows} invoices imported`);
    },
    teardown: () => void (data = ''), // the file is not needed by the cases after this one
  };
}

// ---------- the list ----------

export function cases(env: BenchEnv): BenchCase[] {
  const full = env.scale.invoices >= 500_000;
  let bigClient = 0;
  let listFloor: ReturnType<typeof clientListFloor>;
  let searchFloor: ReturnType<typeof clientListFloor>;
  let pageFloor: ReturnType<typeof clientPageFloor>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case has its own result and floor types
  const list: BenchCase<any, any>[] = [
    openMigrateCase(full ? 3 : 5),
    agingCase('aging.today', (e) => e.today, agingTodayFloor, 9),
    agingCase('aging.past', (e) => addMonths(e.today, -6), agingPastFloor, full ? 5 : 7),
    {
      name: 'clients.list',
      runs: 9,
      setup: (e) => void (listFloor = clientListFloor(e.sqlite, e.today, false)),
      run: (e) => e.core.call('clients.list', { limit: 50, offset: 0 }),
      floor: () => listFloor(null),
      check: (got: ListResult, fl) => checkList(got, fl, env.today),
    } satisfies BenchCase<ListResult, ReturnType<ReturnType<typeof clientListFloor>>>,
    {
      name: 'clients.search',
      runs: SEARCH_TERMS.length * 3,
      warmup: SEARCH_TERMS.length,
      setup: (e) => void (searchFloor = clientListFloor(e.sqlite, e.today, true)),
      run: (e, i) => e.core.call('clients.list', { search: SEARCH_TERMS[i % SEARCH_TERMS.length]!, limit: 50, offset: 0 }),
      floor: (_e, i) => searchFloor(SEARCH_TERMS[i % SEARCH_TERMS.length]!),
      check: (got: ListResult, fl) => checkList(got, fl, env.today),
    } satisfies BenchCase<ListResult, ReturnType<ReturnType<typeof clientListFloor>>>,
    {
      // what the client page loads first: the client with its balances and counts, then the first page
      // (200, the default) of its invoices, open ones first, and of its payments, newest first
      name: 'client.page',
      runs: 9,
      setup: (e) => {
        // the key account with the most invoices: the heaviest page there is
        bigClient = (
          e.sqlite.prepare('SELECT client_id AS id FROM invoices GROUP BY client_id ORDER BY count(*) DESC, client_id LIMIT 1').get() as { id: number }
        ).id;
        pageFloor = clientPageFloor(e.sqlite, e.today, 200);
      },
      run: async (e) => {
        const client = await e.core.call('clients.get', { id: bigClient });
        const invoices = await e.core.call('invoices.listByClient', { clientId: bigClient });
        const payments = await e.core.call('payments.listByClient', { clientId: bigClient });
        return { client, invoices, payments };
      },
      floor: () => pageFloor(bigClient),
      check: (got: PageResult, fl) => {
        assertSame('balances', got.client.balances, balancesFromFloor(fl.balances.inv, fl.balances.cr, env.today));
        assertSame(
          'counts',
          [got.client.invoiceCount, got.client.openInvoiceCount, got.client.paymentCount],
          [fl.balances.invoiceCount, fl.balances.openInvoiceCount, fl.balances.paymentCount],
        );
        assertSame(
          'invoices',
          got.invoices.map((i) => [i.id, i.openAmount]),
          fl.invoices.map((i) => [i.id, i.open_amount]),
        );
        assertSame(
          'payments',
          got.payments.map((p) => p.id),
          fl.payments.map((p) => p.id),
        );
        assertSame(
          'allocations',
          got.payments.flatMap((p) => p.allocations.map((a) => a.id)).sort((a, b) => a - b),
          fl.allocs.map((a) => a.id),
        );
        if (fl.balances.invoiceCount < 1000 || fl.invoices.length !== 200 || fl.payments.length !== 200)
          throw new Error('the biggest client has too few invoices or payments for a meaningful page');
      },
    } satisfies BenchCase<PageResult, ReturnType<ReturnType<typeof clientPageFloor>>>,
    {
      // the last full quarter before today
      name: 'kpis.quarter',
      runs: full ? 7 : 5,
      run: (e) => e.core.call('kpis.report', { from: '2026-07-01', to: '2026-09-30', basis: 'due', graceDays: 3 }),
    },
    {
      // the Reports screen's 12-month chart: AR, overdue and sales at each month-end
      name: 'kpis.trend',
      runs: 5,
      run: async (e) => {
        const t = await e.core.call('kpis.trend', { asOf: e.today, months: 12 });
        if (t.currencies.length === 0 || t.currencies.every((c) => c.ar.every((x) => x === 0))) throw new Error('kpis.trend: empty trend');
        return t;
      },
    },
    {
      // aging as of today to XLSX: the summary and the invoice-detail sheets
      name: 'export.xlsx',
      runs: full ? 3 : 2,
      run: async (e) => {
        const f = await e.core.call('exports.aging', { asOf: e.today, basis: 'due', format: 'xlsx', by: 'client', view: 'summary' });
        if (!f || JSON.stringify(f).length < 1000) throw new Error('export.xlsx: empty file');
        return f;
      },
    },
    ...workflowCases(full),
    // 100k rows whatever the scale; on the small book once, without warm-up, to stay under a minute
    importCase(100_000, full ? 3 : 1, full ? 1 : 0),
  ];
  return [...list, ...processCases(checkAging, (e) => invoiceCsvBase64(e.sqlite, 100_000))];
}

export const TARGETS: Record<string, string> = {
  'aging.today': '< 100 ms',
  'aging.past': '< 1.5 s, ≤ 1.3× floor',
  'clients.search': '< 30 ms',
  'client.page': '< 50 ms',
  'import.100k': '< 5 s',
  'open.migrate': '',
  'cli.help': '≤ 2× node -e 0',
  'cli.aging': '≤ 1.5× floor, < 150 MB',
  'open.existing': '< 1 s (1M invoices)',
  'responsive.during-import': 'median < 50 ms',
  'worklist.first': '< 3 s',
  'worklist.today': '< 200 ms',
  'today.query': '< 50 ms',
  'client.timeline': '< 50 ms',
  'letters.500': '< 30 s',
};

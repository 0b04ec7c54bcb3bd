import type { AgingDetail, AgingDetailRow, AgingSummary } from '#shared/domain/agingViews';

const BUCKETS = ['current', '1-30', '31-60', '61-90', '91-120', '120+'];

/** A small two-currency summary: soles and dollars in separate totals, as the core returns them. */
export function summary(input: Record<string, unknown>): AgingSummary {
  const asOf = String(input.asOf);
  const basis = (input.basis ?? 'due') as 'due' | 'issue';
  return {
    asOf,
    basis,
    by: (input.by ?? 'client') as 'client',
    bounds: [0, 30, 60, 90, 120],
    buckets: BUCKETS,
    totals: [
      { currency: 'PEN', buckets: [100_000, 50_000, 25_000, 0, 0, 10_000], counts: [1, 1, 1, 0, 0, 1], total: 185_000, count: 4 },
      { currency: 'USD', buckets: [0, 30_000, 0, 0, 0, 0], counts: [0, 1, 0, 0, 0, 0], total: 30_000, count: 1 },
    ],
    rows: [
      {
        key: 'C-1',
        label: 'Comercial Andina S.A.C.',
        clientId: 1,
        segment: null,
        currency: 'PEN',
        buckets: [100_000, 50_000, 0, 0, 0, 0],
        counts: [1, 1, 0, 0, 0, 0],
        total: 150_000,
        count: 2,
      },
      {
        key: 'C-2',
        label: 'Ferretería El Sol',
        clientId: 2,
        segment: 'Retail',
        currency: 'PEN',
        buckets: [0, 0, 25_000, 0, 0, 10_000],
        counts: [0, 0, 1, 0, 0, 1],
        total: 35_000,
        count: 2,
      },
      {
        key: 'C-3',
        label: 'Import Miami LLC',
        clientId: 3,
        segment: null,
        currency: 'USD',
        buckets: [0, 30_000, 0, 0, 0, 0],
        counts: [0, 1, 0, 0, 0, 0],
        total: 30_000,
        count: 1,
      },
    ],
  };
}

export function detailRow(i: number): AgingDetailRow {
  return {
    invoiceId: i + 1,
    clientId: 2,
    clientCode: 'C-2',
    clientName: 'Ferretería El Sol',
    segment: 'Retail',
    series: 'F001',
    number: String(i + 1).padStart(6, '0'),
    issueDate: '2026-06-01',
    dueDate: '2026-07-01',
    currency: 'PEN',
    amount: 1_000 + i,
    open: 1_000 + i,
    days: 142,
    bucket: 5,
  };
}

/** A detail of `total` rows served page by page, like the core. */
export function detail(input: Record<string, unknown>, total = 2): AgingDetail {
  const offset = Number(input.offset ?? 0);
  const limit = Number(input.limit ?? 500);
  const n = Math.max(0, Math.min(limit, total - offset));
  return {
    asOf: String(input.asOf),
    basis: 'due',
    bounds: [0, 30, 60, 90, 120],
    buckets: BUCKETS,
    totalRows: total,
    totals: [{ currency: 'PEN', open: 35_000, count: total }],
    rows: Array.from({ length: n }, (_, k) => detailRow(offset + k)),
  };
}

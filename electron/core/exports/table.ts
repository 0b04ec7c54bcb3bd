import type { AgingDetail, AgingSummary } from '#shared/domain/agingViews';
import { formatDate } from '#shared/domain/dates';
import { fillLabel, type ReportLabels } from '#shared/domain/reportLabels';

/**
 * A format-neutral table that the XLSX, CSV and PDF writers all render, so the three files always
 * hold the same rows. Money cells are integers in minor units of the row's currency; each writer turns
 * them into the currency's decimals (never through arithmetic on floats).
 */
export type ColKind = 'text' | 'date' | 'int' | 'money';
export type Col = { header: string; kind: ColKind; width: number };
export type Cell = string | number | null;
export type TableRow = { currency: string | null; cells: Cell[] };
export type Table = {
  /** sheet name (≤ 31 chars) */
  name: string;
  title: string;
  subtitle: string;
  columns: Col[];
  rows: TableRow[];
  /** one per currency, rendered bold under the rows */
  totals: TableRow[];
};

export type ExportMeta = { company: string; taxId: string | null; address: string | null; locale: string; generatedOn: string };

/** Bucket labels are ranges of days ("1-30") except the first, which is a word to translate. */
function bucketName(label: string, L: ReportLabels): string {
  return label === 'current' ? L.current : label;
}

/** "Al 31/10/2026 · por vencimiento": the date in the file's locale, as everywhere else in its text. */
function agingSubtitle(L: ReportLabels, asOf: string, basis: 'due' | 'issue', locale: string): string {
  return `${fillLabel(L.asOf, { date: formatDate(asOf, locale) })} · ${basis === 'due' ? L.basisDue : L.basisIssue}`;
}

export function summaryTable(s: AgingSummary, L: ReportLabels, locale: string): Table {
  const byLabel = s.by === 'client' ? L.byClient : s.by === 'segment' ? L.bySegment : L.byCurrency;
  const lead: Col[] =
    s.by === 'client'
      ? [
          { header: L.code, kind: 'text', width: 12 },
          { header: L.name, kind: 'text', width: 36 },
        ]
      : s.by === 'segment'
        ? [{ header: L.segment, kind: 'text', width: 24 }]
        : [];
  const columns: Col[] = [
    ...lead,
    { header: L.currency, kind: 'text', width: 9 },
    ...s.buckets.map((b): Col => ({ header: bucketName(b, L), kind: 'money', width: 14 })),
    { header: L.total, kind: 'money', width: 16 },
  ];
  const leadCells = (r: AgingSummary['rows'][number]): Cell[] => (s.by === 'client' ? [r.key, r.label] : s.by === 'segment' ? [r.segment ?? L.noSegment] : []);
  return {
    name: `${L.summary}`.slice(0, 31),
    title: `${L.agingTitle} ${byLabel}`,
    subtitle: agingSubtitle(L, s.asOf, s.basis, locale),
    columns,
    rows: s.rows.map((r) => ({ currency: r.currency, cells: [...leadCells(r), r.currency, ...r.buckets, r.total] })),
    totals: s.totals.map((t) => ({
      currency: t.currency,
      cells: [...lead.map((_, i) => (i === 0 ? fillLabel(L.totalOf, { currency: t.currency }) : null)), t.currency, ...t.buckets, t.total],
    })),
  };
}

export function detailTable(d: AgingDetail, L: ReportLabels, locale: string): Table {
  const columns: Col[] = [
    { header: L.code, kind: 'text', width: 12 },
    { header: L.client, kind: 'text', width: 32 },
    { header: L.segment, kind: 'text', width: 16 },
    { header: L.invoice, kind: 'text', width: 18 },
    { header: L.issueDate, kind: 'date', width: 12 },
    { header: L.dueDate, kind: 'date', width: 12 },
    { header: L.days, kind: 'int', width: 8 },
    { header: L.bucket, kind: 'text', width: 10 },
    { header: L.currency, kind: 'text', width: 9 },
    { header: L.amount, kind: 'money', width: 15 },
    { header: L.open, kind: 'money', width: 15 },
  ];
  return {
    name: L.detail.slice(0, 31),
    title: `${L.agingTitle} · ${L.detail}`,
    subtitle: agingSubtitle(L, d.asOf, d.basis, locale),
    columns,
    rows: d.rows.map((r) => ({
      currency: r.currency,
      cells: [
        r.clientCode,
        r.clientName,
        r.segment,
        r.series ? `${r.series}-${r.number}` : r.number,
        r.issueDate,
        r.dueDate,
        r.days,
        bucketName(d.buckets[r.bucket] ?? '', L),
        r.currency,
        r.amount,
        r.open,
      ],
    })),
    totals: d.totals.map((t) => ({
      currency: t.currency,
      cells: [fillLabel(L.totalOf, { currency: t.currency }), null, null, null, null, null, null, null, t.currency, null, t.open],
    })),
  };
}

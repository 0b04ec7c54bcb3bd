import pdfmake from 'pdfmake';
import vfs from 'pdfmake/build/vfs_fonts.js';
import { centsToDecimalString, currencyDigits } from '#shared/domain/money';
import { fillLabel, type ReportLabels } from '#shared/domain/reportLabels';
import type { Cell, ExportMeta, Table, TableRow } from './table';

let ready = false;

/**
 * Fonts come from pdfmake's embedded Roboto (base64 in vfs_fonts), so the bundled Electron main needs no
 * font files on disk; and pdfmake may read neither URLs nor local files: a report never fetches anything.
 */
function setup(): void {
  if (ready) return;
  for (const [name, b64] of Object.entries(vfs)) pdfmake.virtualfs.writeFileSync(name, Buffer.from(b64, 'base64'));
  pdfmake.setFonts({
    Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** 1234.56 in the company's locale ("1,234.56" / "1.234,56" / "1 234,56"), the currency's digits, no symbol. */
export function formatAmount(v: number, currency: string, locale: string): string {
  const d = currencyDigits(currency);
  const key = `${locale}|${d}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d })));
  // a decimal string is formatted exactly (Intl.NumberFormat v3), no binary float in between
  return f.format(centsToDecimalString(v, currency) as unknown as number);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date in the company's locale; one formatter per locale (building one per cell cost more than the rest of the row). */
function formatDateCell(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  let f = dateFormats.get(locale);
  if (!f) dateFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(new Date(Date.UTC(y, m - 1, d)));
}

function pdfCell(t: Table, row: TableRow, i: number, v: Cell, locale: string, bold: boolean): Record<string, unknown> {
  const kind = t.columns[i]!.kind;
  let text = '';
  if (v !== null) {
    // a dash for empty buckets keeps the eye on the amounts that are there; totals always show figures
    if (kind === 'money' && v === 0 && !bold) return { text: '–', alignment: 'right', color: '#999999' };
    if (kind === 'money' && typeof v === 'number') text = formatAmount(v, row.currency ?? 'USD', locale);
    else if (kind === 'date' && typeof v === 'string') text = formatDateCell(v, locale);
    else text = String(v);
  }
  return { text, alignment: kind === 'money' || kind === 'int' ? 'right' : 'left', bold, noWrap: kind !== 'text' };
}

function tableBlock(t: Table, locale: string, first: boolean): Record<string, unknown>[] {
  const body = [
    t.columns.map((c) => ({ text: c.header, bold: true, fillColor: '#e8edf3', alignment: c.kind === 'money' || c.kind === 'int' ? 'right' : 'left' })),
    ...t.rows.map((r) => r.cells.map((v, i) => pdfCell(t, r, i, v, locale, false))),
    ...t.totals.map((r) => r.cells.map((v, i) => pdfCell(t, r, i, v, locale, true))),
  ];
  const nRows = t.rows.length;
  return [
    { text: t.title, style: 'title', ...(first ? {} : { pageBreak: 'before' }) },
    { text: t.subtitle, style: 'subtitle' },
    {
      table: { headerRows: 1, widths: t.columns.map((c) => (c.width >= 30 ? '*' : 'auto')), body },
      layout: {
        // hairlines between rows, a firmer line above the totals
        hLineWidth: (i: number) => (i === 1 || i === nRows + 1 ? 0.8 : 0.2),
        vLineWidth: () => 0,
        hLineColor: (i: number) => (i === 1 || i === nRows + 1 ? '#555555' : '#cccccc'),
        paddingTop: () => 2,
        paddingBottom: () => 2,
      },
      fontSize: t.columns.length > 9 ? 7.5 : 8.5,
    },
  ];
}

/** A printable A4 landscape PDF: company header, then each table with its title and as-of line; page numbers. */
export async function tablesToPdf(tables: readonly Table[], meta: ExportMeta, L: ReportLabels): Promise<Buffer> {
  setup();
  const company = [meta.taxId ? `${L.taxId}: ${meta.taxId}` : null, meta.address].filter(Boolean).join(' · ');
  const doc = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 40, 36, 40],
    info: { title: tables[0]?.title ?? 'Cartera', author: meta.company, creator: 'Cartera' },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: {
      company: { fontSize: 14, bold: true },
      companyLine: { fontSize: 9, color: '#444444', margin: [0, 2, 0, 10] },
      title: { fontSize: 12, bold: true, margin: [0, 4, 0, 0] },
      subtitle: { fontSize: 9, color: '#444444', margin: [0, 2, 0, 8] },
    },
    content: [
      { text: meta.company, style: 'company' },
      ...(company ? [{ text: company, style: 'companyLine' }] : []),
      ...tables.flatMap((t, i) => tableBlock(t, meta.locale, i === 0)),
    ],
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `${meta.company} · ${fillLabel(L.generated, { date: formatDateCell(meta.generatedOn, meta.locale) })}`, fontSize: 7, color: '#666666' },
        { text: fillLabel(L.page, { page, pages }), alignment: 'right', fontSize: 7, color: '#666666' },
      ],
      margin: [36, 12, 36, 0],
    }),
  };
  return pdfmake.createPdf(doc).getBuffer();
}

/** Any pdfmake document with Cartera's fonts and no URL or file access (letters use this too). */
export function renderPdf(doc: Record<string, unknown>): Promise<Buffer> {
  setup();
  return pdfmake.createPdf(doc).getBuffer();
}

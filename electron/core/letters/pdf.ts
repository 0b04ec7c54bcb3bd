import { formatDate } from '#shared/domain/dates';
import { formatMoney } from '#shared/domain/money';
import { translate } from '#shared/i18n/index';
import { renderPdf } from '../exports/pdf';
import type { LetterFigures } from './figures';

export type LetterParty = { name: string; taxId: string | null; address: string | null };

export type LetterLayout = {
  locale: string;
  company: LetterParty;
  client: LetterParty & { attention: string | null };
  date: string;
  subject: string;
  body: string;
  /** the table of overdue invoices, one per currency; empty for letters that demand nothing */
  figures: LetterFigures[];
  paymentMethods: { name: string; instructions: string }[];
  /** further blocks after the body (a statement's tables) */
  extra?: unknown[];
};

function longDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

function invoiceTable(f: LetterFigures, locale: string, t: (k: string) => string) {
  const m = (v: number) => formatMoney(v, f.currency, locale);
  const right = { alignment: 'right' };
  const head = ['number', 'issue', 'due', 'days', 'balance', 'interest', 'fee'].map((k, i) => ({
    text: t(`letter.col.${k}`),
    bold: true,
    fillColor: '#eeeeee',
    ...(i >= 3 ? right : {}),
  }));
  const rows = f.invoices.map((l) => [
    l.number,
    formatDate(l.issueDate, locale),
    formatDate(l.dueDate, locale),
    { text: String(l.daysLate), ...right },
    { text: m(l.balance), ...right },
    { text: m(l.interest), ...right },
    { text: m(l.fee), ...right },
  ]);
  const total = (label: string, v: number, bold = false) => [{ text: label, colSpan: 6, ...right, bold }, {}, {}, {}, {}, {}, { text: m(v), ...right, bold }];
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
      body: [
        head,
        ...rows,
        total(t('letter.total.overdue'), f.overdue),
        total(t('letter.total.interest'), f.interest),
        total(t('letter.total.fees'), f.fees),
        total(t('letter.total.total'), f.total, true),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 6, 0, 4],
  };
}

/** A letter as a pdfmake document: letterhead, date, addressee, subject, body, invoices, payment, signature. */
export function letterDocument(l: LetterLayout): Record<string, unknown> {
  const t = (k: string, p?: Record<string, string | number>) => translate(l.locale, k, p);
  const line = (p: LetterParty) => [p.taxId ? t('letter.tax_id', { id: p.taxId }) : null, p.address].filter(Boolean).join(' · ');
  const content: unknown[] = [
    { text: l.company.name, fontSize: 14, bold: true },
    ...(line(l.company) ? [{ text: line(l.company), color: '#444444', margin: [0, 2, 0, 0] }] : []),
    { canvas: [{ type: 'line', x1: 0, y1: 6, x2: 515, y2: 6, lineWidth: 0.5 }], margin: [0, 0, 0, 14] },
    { text: longDate(l.date, l.locale), alignment: 'right', margin: [0, 0, 0, 14] },
    { text: l.client.name, bold: true },
    ...(line(l.client) ? [{ text: line(l.client) }] : []),
    ...(l.client.attention ? [{ text: t('letter.attention', { name: l.client.attention }) }] : []),
    { text: l.subject, bold: true, fontSize: 11, margin: [0, 14, 0, 8] },
    ...l.body.split(/\n{2,}/).map((p) => ({ text: p, margin: [0, 0, 0, 8], alignment: 'justify' })),
  ];
  content.push(...(l.extra ?? []));
  for (const f of l.figures) {
    if (f.invoices.length) {
      content.push({ text: t('letter.table_title', { currency: f.currency }), bold: true, margin: [0, 6, 0, 0] });
      content.push(invoiceTable(f, l.locale, t));
      if (f.annualPct > 0)
        content.push({ text: t('letter.interest_method', { rate: f.annualPct, date: formatDate(f.date, l.locale) }), fontSize: 8, color: '#444444' });
    }
    if (f.disputed.length)
      content.push({
        text: t('letter.disputed', { list: f.disputed.map((d) => `${d.number} (${formatMoney(d.balance, f.currency, l.locale)})`).join(', ') }),
        fontSize: 8,
        color: '#444444',
        margin: [0, 4, 0, 0],
      });
  }
  if (l.paymentMethods.length) {
    const details = l.paymentMethods.map((p) => `${p.name}: ${p.instructions}`).join('\n');
    content.push({
      columns: [
        { stack: [{ text: t('letter.how_to_pay'), bold: true, margin: [0, 0, 0, 4] }, { text: details }], width: '*' },
        { qr: `${details}\n${l.client.name}`.slice(0, 1000), fit: 90, width: 'auto' },
      ],
      columnGap: 12,
      margin: [0, 12, 0, 0],
      unbreakable: true,
    });
  }
  content.push({
    stack: [
      { text: t('letter.regards') },
      { text: ' \n \n' },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 180, y2: 0, lineWidth: 0.5 }] },
      { text: l.company.name, bold: true },
    ],
    margin: [0, 24, 0, 0],
    unbreakable: true,
  });
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    info: { title: l.subject, author: l.company.name, creator: 'Cartera' },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    content,
    footer: (page: number, pages: number) => ({
      text: t('letter.page', { page, pages }),
      alignment: 'right',
      fontSize: 7,
      color: '#666666',
      margin: [40, 16, 40, 0],
    }),
  };
}

export function letterPdf(layouts: readonly LetterLayout[]): Promise<Buffer> {
  // several letters (a batch) are one document, each starting on its own page
  const docs = layouts.map(letterDocument);
  const first = docs[0]!;
  const content = docs.flatMap((d, i) => (i === 0 ? (d.content as unknown[]) : [{ text: '', pageBreak: 'before' }, ...(d.content as unknown[])]));
  return renderPdf({ ...first, content });
}

import { formatDate } from '#shared/domain/dates';
import { formatMoney } from '#shared/domain/money';
import { translate } from '#shared/i18n/index';
import type { Statement } from './statement';

/** The statement's tables as pdfmake blocks: movements with running balance, then the closing balance's aging. */
export function statementBlocks(statements: readonly Statement[], locale: string): unknown[] {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const right = { alignment: 'right' };
  return statements.flatMap((s) => {
    const m = (v: number) => (v === 0 ? '' : formatMoney(v, s.currency, locale));
    const head = ['date', 'movement', 'reference', 'debit', 'credit', 'balance'].map((k, i) => ({
      text: t(`statement.col.${k}`),
      bold: true,
      fillColor: '#eeeeee',
      ...(i >= 3 ? right : {}),
    }));
    const row = (date: string, label: string, ref: string, debit: number, credit: number, balance: number, bold = false) => [
      date ? formatDate(date, locale) : '',
      { text: label, bold },
      ref,
      { text: m(debit), ...right },
      { text: m(credit), ...right },
      { text: formatMoney(balance, s.currency, locale), ...right, bold },
    ];
    return [
      {
        text: t('statement.title', { currency: s.currency, from: formatDate(s.from, locale), to: formatDate(s.to, locale) }),
        bold: true,
        margin: [0, 8, 0, 2],
      },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto'],
          body: [
            head,
            row(s.from, t('statement.brought_forward'), '', 0, 0, s.broughtForward, true),
            ...s.lines.map((l) => row(l.date, t(`statement.kind.${l.kind}`), l.reference, l.debit, l.credit, l.balance)),
            row(s.to, t('statement.closing'), '', 0, 0, s.closing, true),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: t('statement.aging_title'), bold: true, margin: [0, 8, 0, 2] },
      {
        table: {
          headerRows: 1,
          body: [
            [
              ...s.aging.labels.map((l) => ({ text: l === 'current' ? t('statement.current') : t('statement.bucket', { label: l }), bold: true, ...right })),
              ...(s.aging.unapplied ? [{ text: t('statement.unapplied'), bold: true, ...right }] : []),
              { text: t('statement.closing'), bold: true, ...right },
            ],
            [
              ...s.aging.buckets.map((b) => ({ text: formatMoney(b, s.currency, locale), ...right })),
              ...(s.aging.unapplied ? [{ text: formatMoney(s.aging.unapplied, s.currency, locale), ...right }] : []),
              { text: formatMoney(s.closing, s.currency, locale), ...right, bold: true },
            ],
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 8],
      },
    ];
  });
}

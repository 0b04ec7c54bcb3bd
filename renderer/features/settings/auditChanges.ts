import { documentNumber } from '#shared/domain/documentNumber';
import { formatDate } from '#shared/domain/dates';
import { formatMoney, isCurrencyCode } from '#shared/domain/money';
import { translate } from '#shared/i18n/index';
import { codeWord, formatInstantText } from '../../components/words';
import './auditWords';

type Rec = Record<string, unknown>;
const obj = (v: unknown): Rec | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : null);

/** Fields that hold minor units: shown as money in the record's currency. */
const MONEY = new Set(['amount', 'openAmount', 'unappliedAmount', 'total', 'totalAmount', 'paidAmount']);
const SKIP = new Set(['updatedAt', 'createdAt', 'id', 'clientId', 'invoiceId', 'paymentId']);

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** One recorded value as a person reads it: dates and instants in the locale, money with its sign, yes/no. */
function showValue(locale: string, field: string, v: unknown, record: Rec): string {
  if (v === null || v === undefined || v === '') return '—';
  const currency = typeof record.currency === 'string' && isCurrencyCode(record.currency) ? record.currency : null;
  if (typeof v === 'number' && MONEY.has(field) && currency) return formatMoney(v, currency, locale);
  if (typeof v === 'boolean') return translate(locale, v ? 'ui.audit.yes' : 'ui.audit.no');
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v, locale);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v)) return formatInstantText(v, locale);
  if (typeof v === 'number') return new Intl.NumberFormat(locale).format(v);
  if (typeof v === 'string') return clip(v);
  if (Array.isArray(v)) return translate(locale, 'ui.audit.items', { count: v.length });
  // a nested record (import counts, settings): its fields in words, never JSON
  const o = obj(v);
  return o
    ? clip(
        Object.entries(o)
          .map(([k, x]) => `${codeWord(locale, 'ui.audit.field.', k)} ${showValue(locale, k, x, o)}`)
          .join(', '),
      )
    : '';
}

/** The record a line is about, named as the user knows it: "F001-123", "C-7 · Andina", "OP-9 del 02/11/2026, S/ 500.00". */
export function auditSubject(locale: string, entity: string, before: unknown, after: unknown): string | null {
  const r = obj(after) ?? obj(before);
  if (!r) return null;
  if (typeof r.number === 'string') return documentNumber({ series: typeof r.series === 'string' ? r.series : null, number: r.number });
  if (entity === 'payment' && typeof r.date === 'string') {
    const amount = typeof r.amount === 'number' && typeof r.currency === 'string' ? formatMoney(r.amount, r.currency, locale) : '';
    const when = translate(locale, 'ui.audit.payment', { date: formatDate(r.date, locale), amount });
    return typeof r.reference === 'string' && r.reference ? `${r.reference} ${when}` : when;
  }
  const name = ['code', 'name'].filter((k) => typeof r[k] === 'string').map((k) => clip(String(r[k])));
  return name.length ? name.join(' · ') : null;
}

/** What changed between two recorded states, as short "Field: old → new" lines in the user's words (top-level fields). */
export function auditChanges(before: unknown, after: unknown, locale: string, max = 3): string[] {
  const b = obj(before);
  const a = obj(after);
  if (!a && !b) return [];
  const label = (k: string) => codeWord(locale, 'ui.audit.field.', k);
  if (!b || !a) {
    // created or removed: the subject names the record; say what else it was made with, briefly
    const r = (a ?? b)!;
    const keys = Object.keys(r).filter((k) => !SKIP.has(k) && !['code', 'name', 'number', 'series'].includes(k) && r[k] !== null && r[k] !== '');
    return keys.slice(0, max).map((k) => `${label(k)}: ${showValue(locale, k, r[k], r)}`);
  }
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !SKIP.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  const lines = keys.slice(0, max).map((k) => `${label(k)}: ${showValue(locale, k, b[k], b)} → ${showValue(locale, k, a[k], a)}`);
  if (keys.length > max) lines.push(`+${keys.length - max}`);
  return lines;
}

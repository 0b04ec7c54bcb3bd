/** Business dates are calendar days written YYYY-MM-DD; instants are ISO-8601 UTC strings. */
declare const isoDateBrand: unique symbol;
export type IsoDate = string & { readonly [isoDateBrand]: 'IsoDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1900 && y <= 2999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function isoDate(s: string): IsoDate {
  if (!isIsoDate(s)) throw new RangeError(`not a date YYYY-MM-DD: ${s}`);
  return s;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/** Days since 1970-01-01 (civil calendar, no time zone involved). */
export function toEpochDay(date: IsoDate | string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

export function fromEpochDay(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10) as IsoDate;
}

export function addDays(date: IsoDate | string, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** b − a in whole days. */
export function diffDays(a: IsoDate | string, b: IsoDate | string): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function addMonths(date: IsoDate | string, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${ny}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}` as IsoDate;
}

/** The calendar date of an instant in a given IANA time zone (the user's, not the machine's). */
export function dateInZone(instant: Date, timeZone: string): IsoDate {
  return dayFormat('en-CA', timeZone).format(instant) as IsoDate;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (a worklist formats thousands of
// dates), so one formatter per locale and zone is kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let f = dayFormats.get(key);
  if (!f) dayFormats.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f;
}

export function formatDate(date: IsoDate | string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dayFormat(locale, 'UTC').format(new Date(Date.UTC(y, m - 1, d)));
}

export type Clock = {
  /** The current instant. */
  now(): Date;
  /** Today's business date for the user. */
  today(): IsoDate;
};

export function fixedClock(instant: string): Clock {
  const d = new Date(instant);
  return { now: () => new Date(d), today: () => d.toISOString().slice(0, 10) as IsoDate };
}

import type { Channel, ContactPreset } from './policy';

/**
 * Debt-collection contact rules for consumers, per country preset (see shared/reference in the repo
 * history: contact-rules.md). Hours are the debtor's local time, taken as the company's time zone.
 * Weekdays: 0 = Sunday … 6 = Saturday. Business clients are not covered by these laws.
 */
export type ContactRules = {
  preset: ContactPreset;
  law: string;
  /** per weekday the allowed window "HH:MM"–"HH:MM"; a missing day is not allowed */
  hours: Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, [string, string]>>;
  noHolidays: boolean;
  /** at most this many contacts a day / in 7 days (calls and visits may have their own weekly cap) */
  perDay: number | null;
  perWeek: number | null;
  callsPerWeek: number | null;
};

const all = (from: string, to: string, days: number[] = [0, 1, 2, 3, 4, 5, 6]) => Object.fromEntries(days.map((d) => [d, [from, to]])) as ContactRules['hours'];

export const CONTACT_RULES: Record<ContactPreset, ContactRules> = {
  PE: {
    preset: 'PE',
    law: 'Ley 29571, Código de Protección y Defensa del Consumidor, arts. 61–62',
    hours: all('07:00', '20:00', [1, 2, 3, 4, 5]),
    noHolidays: true,
    perDay: null,
    perWeek: null,
    callsPerWeek: null,
  },
  MX: {
    preset: 'MX',
    law: 'CONDUSEF, disposiciones para despachos de cobranza (2014)',
    hours: all('07:00', '22:00'),
    noHolidays: false,
    perDay: null,
    perWeek: null,
    callsPerWeek: null,
  },
  CO: {
    preset: 'CO',
    law: 'Ley 2300 de 2023',
    hours: { ...all('07:00', '19:00', [1, 2, 3, 4, 5]), 6: ['08:00', '15:00'] },
    noHolidays: true,
    perDay: 1,
    perWeek: null,
    callsPerWeek: null,
  },
  CL: {
    preset: 'CL',
    law: 'Ley 19.496 art. 37 (modificada por la Ley 21.320)',
    hours: all('08:00', '20:00', [1, 2, 3, 4, 5, 6]),
    noHolidays: false,
    perDay: null,
    perWeek: 2,
    callsPerWeek: 1,
  },
  AR: {
    preset: 'AR',
    law: 'Ley 24.240 art. 8 bis; CABA Ley 6171',
    hours: all('00:00', '24:00'),
    noHolidays: false,
    perDay: null,
    perWeek: null,
    callsPerWeek: null,
  },
  US: {
    preset: 'US',
    law: 'FDCPA and Regulation F (12 CFR 1006)',
    hours: all('08:00', '21:00'),
    noHolidays: false,
    perDay: null,
    perWeek: null,
    callsPerWeek: 7,
  },
  none: { preset: 'none', law: '', hours: all('00:00', '24:00'), noHolidays: false, perDay: null, perWeek: null, callsPerWeek: null },
};

export type ContactViolation = 'day' | 'holiday' | 'hours' | 'per_day' | 'per_week' | 'calls_per_week';

function weekday(date: string): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/** Whether a consumer may be contacted at all on this date (day of week and national holidays). */
export function dayViolation(rules: ContactRules, date: string, holidays: ReadonlySet<string>): ContactViolation | null {
  if (!rules.hours[weekday(date)]) return 'day';
  if (rules.noHolidays && holidays.has(date)) return 'holiday';
  return null;
}

export type PastContact = { date: string; channel: string };

/** Frequency caps over the 7 days ending on `date` (today's contacts included). */
export function capViolation(rules: ContactRules, date: string, channel: Channel, past: readonly PastContact[]): ContactViolation | null {
  const from = shift(date, -6);
  const week = past.filter((p) => p.date >= from && p.date <= date);
  if (rules.perDay !== null && week.filter((p) => p.date === date).length >= rules.perDay) return 'per_day';
  const isCall = (c: string) => c === 'call' || c === 'visit';
  if (rules.callsPerWeek !== null && isCall(channel) && week.filter((p) => isCall(p.channel)).length >= rules.callsPerWeek) return 'calls_per_week';
  if (rules.perWeek !== null && !isCall(channel) && week.filter((p) => !isCall(p.channel)).length >= rules.perWeek) return 'per_week';
  return null;
}

/** Day, holiday, hours ("HH:MM" local) and caps: the first rule a contact now would break, or null. */
export function contactViolation(
  rules: ContactRules,
  date: string,
  time: string,
  channel: Channel,
  holidays: ReadonlySet<string>,
  past: readonly PastContact[],
): ContactViolation | null {
  const day = dayViolation(rules, date, holidays);
  if (day) return day;
  const win = rules.hours[weekday(date)]!;
  // letters are not contacts at a time of day
  if (channel !== 'letter' && (time < win[0] || time >= win[1])) return 'hours';
  return capViolation(rules, date, channel, past);
}

function shift(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

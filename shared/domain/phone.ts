/**
 * Phone numbers in international form, read with libphonenumber-js and its full metadata (the smaller
 * sets cannot tell a mobile from a fixed line, and WhatsApp or SMS to a fixed line is a message lost).
 * Numbers without a country prefix are read in the company's country.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneKind = 'mobile' | 'fixed' | 'unknown';

export type NormalizedPhone = {
  /** E.164 without the plus: what wa.me and most dialers want */
  digits: string;
  e164: string;
  international: string;
  kind: PhoneKind;
  /** WhatsApp and SMS are offered only for numbers known to be mobiles */
  canMessage: boolean;
};

export type PhoneResult = { ok: true; phone: NormalizedPhone } | { ok: false; reason: 'empty' | 'invalid' };

export function normalizePhone(text: string | null | undefined, defaultCountry: string): PhoneResult {
  const raw = (text ?? '').trim();
  if (raw === '') return { ok: false, reason: 'empty' };
  const country = /^[A-Z]{2}$/.test(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(raw, country ? { defaultCountry: country } : undefined);
  if (!parsed?.isValid()) return { ok: false, reason: 'invalid' };
  const type = parsed.getType();
  const kind: PhoneKind = type === 'MOBILE' ? 'mobile' : type === 'FIXED_LINE' ? 'fixed' : type === 'FIXED_LINE_OR_MOBILE' ? 'unknown' : 'fixed';
  const e164 = parsed.number;
  return {
    ok: true,
    phone: { digits: e164.slice(1), e164, international: parsed.formatInternational(), kind, canMessage: kind === 'mobile' || kind === 'unknown' },
  };
}

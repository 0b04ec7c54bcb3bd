import { z } from 'zod';
import { isCents, isCurrencyCode, MAX_CENTS } from '../domain/money';
import { isIsoDate } from '../domain/dates';

/** Refinement messages are catalogue keys; the core turns them into sentences in the user's language. */
export const id = z.number({ error: 'validation.id' }).int({ error: 'validation.id' }).positive({ error: 'validation.id' }).max(Number.MAX_SAFE_INTEGER);
// an empty or missing date is "required", not a format hint: the user typed no date at all
export const isoDate = z
  .string({ error: (iss) => (iss.input === undefined ? 'validation.required' : 'validation.date') })
  .refine(isIsoDate, { error: (iss) => (iss.input === '' ? 'validation.required' : 'validation.date') });
export const cents = z.number({ error: 'validation.amount' }).refine(isCents, { error: 'validation.amount' });
export const positiveCents = z
  .number({ error: 'validation.amount' })
  .refine(isCents, { error: 'validation.amount' })
  .refine((n) => n > 0, { error: 'validation.amount_positive' })
  .refine((n) => n <= MAX_CENTS, { error: 'validation.amount' });
export const currency = z.string({ error: 'validation.currency' }).refine(isCurrencyCode, { error: 'validation.currency' });
export const text = (max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? 'validation.required' : 'validation.text') })
    .trim()
    .max(max, { error: 'validation.too_long' });
export const requiredText = (max: number) => text(max).min(1, { error: 'validation.required' });
export const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === '' || v === undefined ? null : v));
export const email = z
  .string()
  .trim()
  .max(254, { error: 'validation.too_long' })
  .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { error: 'validation.email' })
  .nullish()
  .transform((v) => (v === '' || v === undefined ? null : v));
export const locale = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, { error: 'validation.locale' });
export const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: 'validation.country' });
export const empty = z.object({}).strict();
export const paging = {
  limit: z.number().int().min(1).max(1000).default(50),
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
};

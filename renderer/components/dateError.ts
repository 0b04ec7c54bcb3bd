import { isIsoDate } from '#shared/domain/dates';

/**
 * The message key for a required date field, or null when it holds a date. A browser date input gives
 * '' both when empty and when half-typed; either way the user must pick a date, so "required" is the
 * message, not a format hint about AAAA-MM-DD they never typed.
 */
export function dateError(value: string | null | undefined): 'validation.required' | 'validation.date' | null {
  if (!value) return 'validation.required';
  return isIsoDate(value) ? null : 'validation.date';
}

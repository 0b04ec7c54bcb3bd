import { ApiClientError, errorMessage } from '../api/client';

export type FormErrors = { form: string | null; fields: Record<string, string> };

export const NO_ERRORS: FormErrors = { form: null, fields: {} };

/** Splits a failed save into messages next to fields (from issues[].path) and one for the whole form. */
export function toFormErrors(e: unknown, locale: string): FormErrors {
  const fields = e instanceof ApiClientError ? e.fieldErrors(locale) : {};
  return { form: errorMessage(e, locale), fields };
}

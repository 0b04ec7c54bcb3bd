/** Currencies and countries offered in pickers; the core accepts any ISO code, these are the markets we serve. */
export const CURRENCIES = ['PEN', 'USD', 'MXN', 'COP', 'CLP', 'ARS', 'EUR', 'GBP'] as const;
export const COUNTRIES = ['PE', 'MX', 'CO', 'CL', 'AR', 'EC', 'BO', 'US', 'GB', 'ES'] as const;

/** Country names in the UI language, straight from Intl. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

import { z } from 'zod';
import { op } from './op';
import { countryCode, currency, empty, locale, optionalText, requiredText } from './schemas';

export type CompanySettings = {
  name: string;
  taxId: string | null;
  address: string | null;
  /** a data: URL of a small PNG/JPEG, shown on letters and reports */
  logo: string | null;
  country: string;
  defaultCurrency: string;
  /** BCP 47, e.g. es-PE, en-US: language of the UI and format of money and dates */
  locale: string;
  updatedAt: string | null;
};

export const getSettings = op<CompanySettings>()('settings.get', empty, { writes: false });

export const updateSettings = op<CompanySettings>()(
  'settings.update',
  z
    .object({
      name: requiredText(200),
      taxId: optionalText(40),
      address: optionalText(500),
      logo: z
        .string()
        .max(700_000, { error: 'validation.too_long' })
        .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, { error: 'validation.logo' })
        .nullable(),
      country: countryCode,
      defaultCurrency: currency,
      locale,
    })
    .partial()
    .strict(),
  { writes: true },
);

export const settingsOps = [getSettings, updateSettings] as const;

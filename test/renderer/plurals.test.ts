import { describe, expect, it } from 'vitest';
import { catalogueEntries, translate, type Language } from '#shared/i18n/index';
import '../../renderer/i18n/index';
import '../../renderer/features/aging/i18n';
import '../../renderer/features/clients/i18n';
import '../../renderer/features/imports/i18n';
import '../../renderer/features/invoices/i18n';
import '../../renderer/features/reports/i18n';
import '../../renderer/features/settings/i18n';
import '../../renderer/features/settings/auditWords';
import '../../renderer/features/clients/activityWords';

const LOCALES: Record<Language, string> = { es: 'es-PE', en: 'en-US' };

/** Nouns that must agree with the count in front of them ("1 clientes" and "los 1" are the bugs). */
const PLURAL_AFTER_ONE: Record<Language, RegExp> = {
  es: /(^|[^\d.,])1 (clientes|facturas|comprobantes|filas|pagos|registros|días|correctas|rechazadas)\b|\b(los|las) 1\b/u,
  en: /(^|[^\d.,])1 (clients|invoices|rows|payments|entries|days|good rows)\b|\bthe 1\b/u,
};

/** Messages whose parameters are names, not counts. */
const NOT_COUNTS = new Set(['ui.settings.localeHint']);

function paramsOf(text: string, value: number): Record<string, number> {
  const names = new Set([...text.matchAll(/\{(\w+)[},]/g)].map((m) => m[1] ?? ''));
  return Object.fromEntries([...names].map((n) => [n, value]));
}

describe('catalogue plurals', () => {
  for (const lang of ['es', 'en'] as const) {
    it(`renders every ${lang} message with 0, 1 and 2 without "1 clientes"-style disagreement or left-over ICU syntax`, () => {
      const entries = catalogueEntries(lang);
      expect(entries.length).toBeGreaterThan(300);
      const bad: string[] = [];
      for (const [key, text] of entries) {
        if (NOT_COUNTS.has(key)) continue;
        for (const n of [0, 1, 2]) {
          const out = translate(LOCALES[lang], key, paramsOf(text, n));
          if (/plural,|[{}]/.test(out) || (n === 1 && PLURAL_AFTER_ONE[lang].test(out))) bad.push(`${key}(${n}): ${out}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }

  it('chooses the form with Intl.PluralRules and writes the count in the locale', () => {
    expect(translate('es-PE', 'ui.clients.count', { count: 1 })).toBe('1 cliente');
    expect(translate('es-PE', 'ui.clients.count', { count: 2 })).toBe('2 clientes');
    expect(translate('es-PE', 'ui.clients.count', { count: 0 })).toBe('0 clientes');
    expect(translate('es-PE', 'ui.clients.count', { count: 5012 })).toBe('5,012 clientes');
    expect(translate('es-PE', 'ui.agingv.openCell', { count: 1, group: 'ACME', bucket: '1-30' })).toBe('Ver el comprobante de ACME en 1-30');
    expect(translate('es-PE', 'ui.agingv.openCell', { count: 2, group: 'ACME', bucket: '1-30' })).toBe('Ver los 2 comprobantes de ACME en 1-30');
    expect(translate('en-US', 'ui.imp.run', { count: 1 })).toBe('Import 1 row');
  });

  it('agrees in gender whatever the field name ("Razón social" is feminine)', () => {
    expect(translate('es-PE', 'import.reject.required', { field: 'Razón social' })).not.toMatch(/está vacío/);
  });
});

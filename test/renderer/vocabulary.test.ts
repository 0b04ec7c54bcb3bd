import { describe, expect, it } from 'vitest';
import { kpiFigures, type KpiInputs } from '#shared/domain/kpiReport';
import { reportLabels } from '#shared/domain/reportLabels';
import { catalogueEntries, translate } from '#shared/i18n/index';
import '../../renderer/i18n/index';
import '../../renderer/features/reports/i18n';

const INPUTS: KpiInputs = {
  arBegin: 80_000,
  arEnd: 100_000,
  arEndCurrent: 40_000,
  arEndOver90: 10_000,
  creditSales: 120_000,
  invoiced: 120_000,
  credited: 0,
  collected: 100_000,
  applied: 100_000,
  months: 1,
  days: 31,
  countback: [{ sales: 120_000, days: 31 }],
  promises: [],
};

describe('one vocabulary for reports and exports', () => {
  it('exports call the not-yet-due bucket what the screen calls it', () => {
    expect(reportLabels('es-PE').current).toBe(translate('es-PE', 'ui.aging.current'));
    expect(reportLabels('en-US').current).toBe(translate('en-US', 'ui.aging.current'));
    expect(translate('es-PE', 'ui.rep.kpi.currentPct')).toBe(translate('es-PE', 'ui.aging.current'));
  });

  it('no report text on screen is English jargon in Spanish ("countback") and no word says "Vigente"', () => {
    const es = catalogueEntries('es').filter(([k]) => k.startsWith('ui.rep.'));
    for (const [key, text] of es) {
      expect(text, key).not.toMatch(/countback/i);
      expect(text, key).not.toMatch(/vigente/i);
    }
  });

  it('explains every KPI in words, in the user language, while keeping the figures that went in', () => {
    const f = kpiFigures('PEN', INPUTS, { locale: 'es-PE', from: '2026-10-01', to: '2026-10-31', graceDays: 3 });
    for (const [key, e] of Object.entries(f.explain)) {
      expect(e.words, key).toBeTruthy();
      expect(e.words, key).not.toMatch(/AR_|CS\/N|BPDSO|Σ/);
      expect(e.explanation, key).not.toMatch(/vigente/i);
    }
    expect(f.explain.dsoSimple.explanation).toContain('S/');
    expect(f.explain.dsoSimple.formula).toBe('AR_end / CS × days'); // stable for the CLI and JSON
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { KpiFigures, KpiReport, KpiTrend } from '#shared/domain/kpiReport';
import { todayIso } from '../../renderer/app/locale';
import { periodOf } from '../../renderer/features/reports/periods';
import { fakeTransport, INFO, renderApp, SETTINGS } from './support';

const explain = (formula: string, explanation: string) => ({ formula, explanation });

function figures(currency: string): KpiFigures {
  return {
    currency,
    dsoSimple: 29.8,
    dsoCountback: 29.8,
    dsoCountback30: 28.8,
    bestPossibleDso: 9.3,
    add: 20.5,
    cei: 53.3,
    currentPct: 31.4,
    over90Pct: 1.9,
    collected: 7_600_799,
    promiseKeptRate: null,
    promiseKeptRateAmount: null,
    arBegin: 7_198_907,
    arEnd: 9_694_523,
    arEndCurrent: 3_041_159,
    arEndOver90: 182_679,
    creditSales: 10_096_415,
    invoiced: 10_096_415,
    credited: 0,
    applied: 7_600_799,
    months: 1,
    days: 31,
    countbackExhausted: false,
    promisesDue: 0,
    promisesKept: 0,
    promisedAmount: 0,
    promisedReceived: 0,
    explain: {
      dsoSimple: {
        ...explain('AR_end / CS × days', 'Cartera al cierre S/ 96,945.23 ÷ ventas al crédito S/ 100,964.15 × 31 días = 29.8 días'),
        words: 'Cartera al cierre ÷ ventas al crédito del periodo × días del periodo',
      },
      dsoCountback: explain('Σ days of months walked back', 'Recorre mes a mes = 29.8 días'),
      bestPossibleDso: explain('AR_end_current / CS × days', 'Cartera vigente ÷ ventas × 31 = 9.3 días'),
      add: explain('DSO − BPDSO', 'DSO 29.8 − mejor DSO posible 9.3 = 20.5 días'),
      cei: explain('(AR_begin + CS/N − AR_end) / (AR_begin + CS/N − AR_end_current) × 100', 'CEI = 53.3 %'),
      currentPct: explain('AR_end_current / AR_end × 100', 'Vigente = 31.4 %'),
      over90Pct: explain('AR_end_over_90 / AR_end × 100', 'Más de 90 = 1.9 %'),
      collected: explain('Σ payments dated in the period', 'Pagos recibidos'),
      promiseKeptRate: explain('promises kept / promises fallen due × 100', 'no disponible: ninguna promesa venció en el periodo'),
    },
  };
}

function report(i: Record<string, unknown>): KpiReport {
  return {
    from: String(i.from),
    to: String(i.to),
    basis: 'due',
    graceDays: 3,
    arBeginDate: String(i.from),
    variants: { dso: 'simple', dsoCountback: 'real-month-lengths', bestPossibleDso: 'simple', cei: 'CS/N', promiseKeptRate: 'count' },
    currencies: [figures('PEN'), figures('USD')],
  };
}

const trend = (i: Record<string, unknown>): KpiTrend => ({
  asOf: String(i.asOf),
  monthEnds: ['2026-09-30', '2026-10-31'],
  currencies: [{ currency: 'PEN', ar: [100, 200], overdue: [50, 60], sales: [300, 300], dsoSimple: [30, null] }],
});

describe('reports', () => {
  it('shows the KPIs of last month per currency, states the DSO variant, and explains a figure on hover', async () => {
    const api = fakeTransport({ 'settings.get': () => SETTINGS, 'system.info': () => INFO, 'kpis.report': report, 'kpis.trend': trend });
    const user = userEvent.setup();
    renderApp('#/reports');
    const dso = await screen.findByTestId('kpi-PEN-dsoSimple');
    expect(screen.getByTestId('kpi-USD-dsoSimple')).toBeInTheDocument();
    expect(dso).toHaveTextContent('29.8 días');
    expect(dso).toHaveTextContent('método simple (al cierre)');
    expect(screen.getByTestId('kpi-PEN-dsoCountback')).toHaveTextContent('hacia atrás mes a mes, con los días reales de cada mes');
    expect(document.body.textContent).not.toMatch(/countback/i);
    expect(screen.getByTestId('kpi-PEN-promiseKeptRate')).toHaveTextContent('s/d');
    const last = periodOf('lastMonth', todayIso());
    expect(api.callsOf('kpis.report')[0]).toMatchObject({ from: last.from, to: last.to });
    expect(api.callsOf('kpis.trend')[0]).toMatchObject({ asOf: last.to, months: 12 });

    await user.hover(dso);
    // the formula in words a clerk knows, then the figures that went in
    expect(await screen.findByText('Cartera al cierre ÷ ventas al crédito del periodo × días del periodo')).toBeInTheDocument();
    expect(screen.getByText(/S\/ 96,945.23 ÷ ventas al crédito/)).toBeInTheDocument();
  });

  it('refetches for another period', async () => {
    const api = fakeTransport({ 'settings.get': () => SETTINGS, 'system.info': () => INFO, 'kpis.report': report, 'kpis.trend': trend });
    const user = userEvent.setup();
    renderApp('#/reports');
    await screen.findByTestId('kpi-PEN-dsoSimple');
    await user.click(screen.getByRole('radio', { name: 'Este trimestre' }));
    const q = periodOf('thisQuarter', todayIso());
    await waitFor(() => expect(api.callsOf('kpis.report').at(-1)).toMatchObject({ from: q.from, to: q.to }));
  });
});

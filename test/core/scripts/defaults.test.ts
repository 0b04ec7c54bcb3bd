import { describe, expect, it } from 'vitest';
import { checkScript, SCRIPT_KINDS } from '#shared/domain/scripts/graph';
import { renderScript, scriptAsText, scriptUnknownVariables, type ScriptVariables } from '#shared/domain/scripts/render';
import { defaultScripts } from '#core/scripts/defaults';

const empty: ScriptVariables = {
  company: { name: 'Distribuidora Sur' },
  client: { name: 'Comercial Andina', code: 'C1' },
  contact: { name: '' },
  overdue: { amount: 'S/ 1,250.00', count: '2' },
  oldest: { number: 'F001-12', amount: 'S/ 750.00', due: '15/10/2026', daysLate: '36' },
  interest: { amount: '' },
  payment: { methods: '' },
  promise: { amount: '', date: '' },
  deadline: { days: '10' },
  today: '20/11/2026',
};

describe('default scripts', () => {
  const all = defaultScripts();

  it('exist for every kind in Spanish and English, are well-formed and use only known variables', () => {
    for (const kind of SCRIPT_KINDS)
      for (const lang of ['es', 'en'] as const) {
        const s = all[kind][lang];
        expect(s.kind).toBe(kind);
        expect(checkScript(s)).toEqual([]);
        expect(scriptUnknownVariables(s)).toEqual([]);
      }
  });

  it('render with missing data into sensible words: no undefined, null, NaN or raw placeholders', () => {
    for (const kind of SCRIPT_KINDS)
      for (const lang of ['es', 'en'] as const) {
        const r = renderScript(all[kind][lang], empty);
        if (!r.ok) throw new Error(`${kind}/${lang}: ${JSON.stringify(r)}`);
        const text = scriptAsText(
          r.script,
          (o) => `[${o}]`,
          (n) => `→ ${n}`,
        );
        expect(text).not.toMatch(/undefined|null|NaN|\{\{|\}\}|\{%|%\}/);
        expect(text).toContain('Comercial Andina');
        expect(text).toMatch(lang === 'es' ? /la persona encargada de pagos/ : /the person in charge of payments/);
      }
  });

  it('the liquidity script climbs the ladder: pay today, this week, a plan', () => {
    const r = renderScript(all.liquidity.es, { ...empty, interest: { amount: 'S/ 12.40' } });
    if (!r.ok) throw new Error('render');
    const text = scriptAsText(
      r.script,
      (o) => `[${o}]`,
      (n) => `paso ${n}`,
    );
    expect(text.indexOf('pago completo hoy')).toBeLessThan(text.indexOf('esta semana'));
    expect(text.indexOf('esta semana')).toBeLessThan(text.indexOf('plan de pagos'));
    expect(text).toContain('Los intereses a hoy son S/ 12.40.');
    expect(text).toContain('[plan]');
  });
});

describe('cartera script', () => {
  it('prints a default script rendered for the client, every step and answer, with the ledger’s figures', async () => {
    const { freshCore } = await import('../../support/core');
    const { runCli } = await import('../../support/cli');
    const core = await freshCore({ locale: 'es-PE' });
    const c = await core.call('clients.create', { code: 'C7', name: 'Ferretería Ñandú E.I.R.L.' });
    await core.call('invoices.create', { clientId: c.id, number: 'F001-77', issueDate: '2026-09-01', dueDate: '2026-10-01', currency: 'PEN', amount: 125_050 });
    const file = core.ctx.file;
    await core.close();
    const r = await runCli(['--db', file, '--today', '2026-11-20', 'script', '--client', 'C7', '--kind', 'liquidity']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Deudor con problemas de liquidez\n/);
    expect(r.stdout).toContain('Ferretería Ñandú E.I.R.L.');
    expect(r.stdout).toContain('F001-77');
    expect(r.stdout).toContain('50 días de atraso');
    expect(r.stdout).toMatch(/1[.,]250[.,]50/);
    expect(r.stdout).toContain('→ preparar un plan de pagos');
    expect(r.stdout).toMatch(/→ ir al paso \d/);
    expect(r.stdout).not.toMatch(/undefined|null|NaN|\{\{/);
    const help = await runCli(['script', '--help']);
    expect(help.code).toBe(0);
    for (const k of SCRIPT_KINDS) expect(help.stdout).toContain(k);
    const bad = await runCli(['--db', file, 'script', '--client', 'C7', '--kind', 'nope']);
    expect(bad.code).toBe(2);
  });
});

describe('script figures', () => {
  it('state the interest to date and the payment methods of the policy', async () => {
    const { freshCore } = await import('../../support/core');
    const core = await freshCore({ locale: 'es-PE' });
    const policy = await core.call('policy.get', {});
    await core.call('policy.set', {
      policy: { ...policy, lateInterest: { PEN: { annualPct: 36.5, fee: 0 } }, paymentMethods: [{ name: 'Yape', instructions: '987 654 321' }] },
    });
    const c = await core.call('clients.create', { code: 'C8', name: 'Bodega Azul' });
    await core.call('invoices.create', { clientId: c.id, number: 'F001-8', issueDate: '2026-10-01', dueDate: '2026-11-10', currency: 'PEN', amount: 100_000 });
    const s = await core.call('scripts.render', { clientId: c.id, kind: 'liquidity' });
    const text = s.steps.map((x) => x.say).join('\n');
    // 1,000.00 × 36.5 % × 10 days / 365 = 10.00
    expect(text).toMatch(/Los intereses a hoy son S\/\s?10\.00\./);
    expect(text).toContain('Puede pagar por Yape.');
    await core.close();
  });
});

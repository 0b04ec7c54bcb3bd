import { describe, expect, it } from 'vitest';
import { checkTemplate, renderTemplate, unknownVariables } from '#shared/domain/templates/render';

const known = ['company.name', 'client.name', 'contact.name', 'overdue.total', 'invoices'];
const data = {
  company: { name: 'Distribuidora Ñuñoa S.A.C.' },
  client: { name: 'Comercial Andina' },
  contact: { name: null },
  overdue: { total: 'S/ 1,250.00' },
  invoices: [
    { number: 'F001-12', balance: 'S/ 750.00' },
    { number: 'F001-13', balance: 'S/ 500.00' },
  ],
};

describe('renderTemplate', () => {
  it('fills variables, loops over invoices and does not HTML-escape text', () => {
    const r = renderTemplate(
      'Estimado(a) {{ contact.name | default: "cliente" }} de {{ client.name }} & Cía:\n{% for i in invoices %}- {{ i.number }}: {{ i.balance }}\n{% endfor %}Total: {{ overdue.total }}',
      data,
      known,
    );
    expect(r).toEqual({ ok: true, text: 'Estimado(a) cliente de Comercial Andina & Cía:\n- F001-12: S/ 750.00\n- F001-13: S/ 500.00\nTotal: S/ 1,250.00' });
  });

  it('flags unknown variables instead of printing them raw or empty', () => {
    expect(unknownVariables('{{ client.nmae }} {{ total }} {% for i in invoices %}{{ i.number }}{% endfor %}', known)).toEqual(['client.nmae', 'total']);
    const r = renderTemplate('Hola {{ cliente.nombre }}', data, known);
    expect(r).toEqual({ ok: false, problem: { kind: 'unknown_variables', names: ['cliente.nombre'] } });
  });

  it('reports syntax errors with their line', () => {
    const p = checkTemplate('Línea 1\n{% if client.name %}sin cierre', known);
    expect(p).toMatchObject({ kind: 'syntax' });
  });
});

describe('hostile templates', () => {
  it('cannot reach prototypes or constructors', () => {
    const hostileKnown = [...known, 'x'];
    const r = renderTemplate(
      '[{{ x.constructor }}][{{ client.name.constructor }}][{{ x.__proto__ }}][{{ invoices.constructor.constructor }}]',
      { ...data, x: {} },
      hostileKnown,
    );
    expect(r).toEqual({ ok: true, text: '[][][][]' });
  });

  it('cannot read files', () => {
    const r = renderTemplate("{% include '/etc/passwd' %}{% render '../../package.json' %}", data, known);
    expect(r.ok).toBe(false);
  });

  it('an endless loop and a 10 MB output stop with a clear limit error, quickly', () => {
    const t0 = Date.now();
    const loop = renderTemplate('{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}', data, known);
    expect(loop).toEqual({ ok: false, problem: { kind: 'limit' } });
    const big = renderTemplate('{% assign s = "xxxxxxxxxx" %}{% for i in (1..1000000) %}{{ s }}{% endfor %}', data, known);
    expect(big).toEqual({ ok: false, problem: { kind: 'limit' } });
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('refuses an oversized template before parsing it', () => {
    expect(checkTemplate('x'.repeat(60_000), known)).toEqual({ kind: 'too_large' });
  });
});

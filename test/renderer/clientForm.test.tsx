import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { clientDetail, fakeTransport, INFO, listRow, renderApp, SETTINGS } from './support';

function fakes(create: (input: Record<string, unknown>) => unknown) {
  return fakeTransport({
    'settings.get': () => SETTINGS,
    'system.info': () => INFO,
    'clients.list': () => ({ rows: [], total: 0 }),
    'clients.create': create,
    'clients.get': () => clientDetail(),
    'invoices.listByClient': () => [],
    'payments.listByClient': () => [],
  });
}

async function openForm() {
  const user = userEvent.setup();
  renderApp('#/clients');
  await user.click(await screen.findByRole('button', { name: 'Nuevo cliente' }));
  return { user, form: within(await screen.findByRole('form', { name: 'Nuevo cliente' })) };
}

describe('client form', () => {
  it('checks required fields and a code without spaces before calling the core', async () => {
    const api = fakes(() => clientDetail());
    const { user, form } = await openForm();
    await user.click(form.getByRole('button', { name: 'Guardar' }));
    expect(await form.findByText('Revise los campos marcados.')).toBeInTheDocument();
    expect(form.getByLabelText(/Código/)).toHaveAccessibleDescription('Este campo es obligatorio.');
    expect(form.getByLabelText(/Nombre/)).toHaveAccessibleDescription('Este campo es obligatorio.');
    await user.type(form.getByLabelText(/Código/), 'C 1');
    await user.click(form.getByRole('button', { name: 'Guardar' }));
    expect(form.getByLabelText(/Código/)).toHaveAccessibleDescription('El código no puede contener espacios.');
    expect(api.callsOf('clients.create')).toHaveLength(0);
  });

  it('sends trimmed values, the credit limit in cents and the terms, then opens the new client', async () => {
    const api = fakes(() => clientDetail(7));
    const { user, form } = await openForm();
    await user.type(form.getByLabelText(/Código/), 'C-7');
    await user.type(form.getByLabelText(/Nombre/), '  Comercial Andina S.A.C. ');
    await user.type(form.getByLabelText(/Correo/), 'pagos@andina.pe');
    await user.type(form.getByLabelText(/Límite de crédito/), '20.000,50');
    const terms = form.getByLabelText(/Plazo de pago/);
    await user.clear(terms);
    await user.type(terms, '45');
    await user.click(form.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(api.callsOf('clients.create')).toHaveLength(1));
    expect(api.callsOf('clients.create')[0]).toEqual({
      code: 'C-7',
      name: 'Comercial Andina S.A.C.',
      taxId: '',
      email: 'pagos@andina.pe',
      phone: '',
      address: '',
      segment: '',
      creditLimit: 2_000_050,
      paymentTermsDays: 45,
    });
    expect(await screen.findByRole('heading', { name: 'Comercial Andina S.A.C.' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/clients/7');
  });

  it('shows the core’s errors next to the fields named in issues[].path', async () => {
    fakes(() => {
      throw {
        code: 'validation',
        key: 'validation.failed',
        message: 'Revise los campos marcados.',
        issues: [{ path: 'email', key: 'validation.email', message: 'x' }],
      };
    });
    const { user, form } = await openForm();
    await user.type(form.getByLabelText(/Código/), 'C-8');
    await user.type(form.getByLabelText(/Nombre/), 'Otro');
    await user.type(form.getByLabelText(/Correo/), 'no-es-correo');
    await user.click(form.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(form.getByLabelText(/Correo/)).toHaveAccessibleDescription('No es un correo electrónico válido.'));
  });

  it('shows a conflict (duplicate code) as a form message', async () => {
    fakes(() => {
      throw { code: 'conflict', key: 'error.conflict.client_code', params: { code: 'C-1' }, message: 'dup' };
    });
    const { user, form } = await openForm();
    await user.type(form.getByLabelText(/Código/), 'C-1');
    await user.type(form.getByLabelText(/Nombre/), 'Duplicado');
    await user.click(form.getByRole('button', { name: 'Guardar' }));
    expect(await form.findByRole('alert')).toHaveTextContent('C-1');
  });

  it('warns when another client has the same tax id, and saves only when asked again', async () => {
    const api = fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'clients.list': (i) => ({ rows: i.search ? [listRow(3, 'C-3', 'Andina Sucursal Norte')].map((r) => ({ ...r, taxId: '20512345678' })) : [], total: 1 }),
      'clients.create': () => clientDetail(7),
      'clients.get': () => clientDetail(7),
      'invoices.listByClient': () => [],
      'payments.listByClient': () => [],
    });
    const { user, form } = await openForm();
    await user.type(form.getByLabelText(/Código/), 'C-7');
    await user.type(form.getByLabelText(/Nombre/), 'Comercial Andina S.A.C.');
    await user.type(form.getByLabelText(/RUC/), '20512345678');
    await user.click(form.getByRole('button', { name: 'Guardar' }));
    expect(await form.findByTestId('taxid-warning')).toHaveTextContent('Otro cliente ya tiene este N.º fiscal: C-3 Andina Sucursal Norte');
    expect(api.callsOf('clients.create')).toHaveLength(0);
    await user.click(form.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(api.callsOf('clients.create')).toHaveLength(1));
  });
});

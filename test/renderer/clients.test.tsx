import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { clientDetail, fakeTransport, INFO, listRow, renderApp, SETTINGS } from './support';

describe('client list filters and sorting', () => {
  it('sends segment, currency, overdue and do-not-contact filters and the sort to clients.list', async () => {
    const api = fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'clients.segments': () => ['Mayorista', 'Minorista'],
      'clients.list': () => ({ rows: [listRow(1, 'C-1', 'Comercial Andina', 150_000, 50_000)], total: 1 }),
    });
    const user = userEvent.setup();
    renderApp('#/clients');
    await screen.findAllByTestId('client-row');
    const last = () => api.callsOf('clients.list').at(-1)!;
    expect(last()).toMatchObject({ sort: 'name', dir: 'asc', offset: 0 });

    await user.selectOptions(await screen.findByLabelText('Segmento'), 'Mayorista');
    await waitFor(() => expect(last()).toMatchObject({ segment: 'Mayorista' }));
    await user.selectOptions(screen.getByLabelText('Moneda'), 'USD');
    await waitFor(() => expect(last()).toMatchObject({ segment: 'Mayorista', currency: 'USD' }));
    await user.click(screen.getByLabelText('Con saldo vencido'));
    await waitFor(() => expect(last()).toMatchObject({ overdueOnly: true }));
    await user.selectOptions(screen.getByLabelText('No contactar'), 'hide');
    await waitFor(() => expect(last()).toMatchObject({ doNotContact: false }));

    // balance starts with the largest; the same header again flips it
    await user.click(screen.getByRole('button', { name: /Saldo/ }));
    await waitFor(() => expect(last()).toMatchObject({ sort: 'balance', dir: 'desc' }));
    expect(screen.getByRole('columnheader', { name: /Saldo/ })).toHaveAttribute('aria-sort', 'descending');
    await user.click(screen.getByRole('button', { name: /Saldo/ }));
    await waitFor(() => expect(last()).toMatchObject({ sort: 'balance', dir: 'asc' }));
    await user.click(screen.getByRole('button', { name: /Vencido · días/ }));
    await waitFor(() => expect(last()).toMatchObject({ sort: 'daysOverdue', dir: 'desc' }));

    // clearing drops every filter but keeps the sort
    await user.click(screen.getByRole('button', { name: 'Quitar filtros' }));
    await waitFor(() => expect(last()).toEqual({ sort: 'daysOverdue', dir: 'desc', limit: 200, offset: 0 }));
  });

  it('"/" focuses the search box', async () => {
    fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'clients.segments': () => [],
      'clients.list': () => ({ rows: [listRow(1, 'C-1', 'Comercial Andina')], total: 1 }),
    });
    const user = userEvent.setup();
    renderApp('#/clients');
    await screen.findAllByTestId('client-row');
    await user.keyboard('/');
    expect(screen.getByRole('searchbox')).toHaveFocus();
  });
});

describe('client contacts', () => {
  it('adds a contact, and shows the core’s refusal to remove one in use after confirming', async () => {
    const contact = {
      id: 5,
      clientId: 7,
      name: 'Rosa Quispe',
      role: 'Tesorería',
      phone: '999 111 222',
      email: null,
      whatsapp: null,
      preferredChannel: 'whatsapp' as const,
    };
    const api = fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'clients.list': () => ({ rows: [], total: 0 }),
      'clients.get': () => ({ ...clientDetail(7), contacts: [contact] }),
      'invoices.listByClient': () => [],
      'payments.listByClient': () => [],
      'creditNotes.listByClient': () => [],
      'disputes.listByClient': () => [],
      'payments.methods': () => ({ builtin: ['transfer'], custom: [] }),
      'contacts.create': (input) => ({ id: 6, ...input }),
      'contacts.remove': () => {
        throw { code: 'conflict', key: 'contact.in_use', params: {}, message: 'El contacto figura en gestiones registradas; no se puede quitar.' };
      },
    });
    const user = userEvent.setup();
    renderApp('#/clients/7');
    expect(await screen.findByTestId('contact-row')).toHaveTextContent('Rosa Quispe');
    expect(screen.getByTestId('contact-row')).toHaveTextContent('WhatsApp');

    await user.click(screen.getByRole('button', { name: '+ Agregar contacto' }));
    const form = within(await screen.findByRole('form', { name: 'Agregar contacto' }));
    await user.type(form.getByLabelText(/Nombre/), 'Luis Soto');
    await user.selectOptions(form.getByLabelText('Canal preferido'), 'email');
    await user.click(form.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(api.callsOf('contacts.create')).toHaveLength(1));
    expect(api.callsOf('contacts.create')[0]).toEqual({
      clientId: 7,
      name: 'Luis Soto',
      role: null,
      phone: null,
      email: null,
      whatsapp: null,
      preferredChannel: 'email',
    });

    await user.click(screen.getByRole('button', { name: 'Quitar: Rosa Quispe' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Quitar contacto' }));
    expect(api.callsOf('contacts.remove')).toHaveLength(0);
    await user.click(dialog.getByRole('button', { name: 'Quitar' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent('no se puede quitar');
    expect(api.callsOf('contacts.remove')).toEqual([{ id: 5 }]);
  });
});

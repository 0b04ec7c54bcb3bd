import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createClient } from '#shared/contract/clients';
import { createCreditNote, createInvoice, openDispute, resolveDispute, voidInvoice } from '#shared/contract/invoices';
import { TEXT_LIMITS } from '#shared/contract/limits';
import { voidPayment } from '#shared/contract/payments';
import { updateSettings } from '#shared/contract/settings';
import { clientDetail, fakeTransport, INFO, renderApp, SETTINGS } from './support';

const field = (op: { input: unknown }, key: string) => (op.input as { shape: Record<string, z.ZodType> }).shape[key]!;

describe('long free text', () => {
  it('states the very limits the contract enforces', () => {
    const pairs: [z.ZodType, number][] = [
      [field(createClient, 'notes'), TEXT_LIMITS.clientNotes],
      [field(createClient, 'address'), TEXT_LIMITS.address],
      [field(updateSettings, 'address'), TEXT_LIMITS.address],
      [field(createInvoice, 'description'), TEXT_LIMITS.invoiceDescription],
      [field(voidInvoice, 'reason'), TEXT_LIMITS.voidReason],
      [field(voidPayment, 'reason'), TEXT_LIMITS.voidReason],
      [field(createCreditNote, 'reason'), TEXT_LIMITS.creditNoteReason],
      [field(openDispute, 'reason'), TEXT_LIMITS.disputeReason],
      [field(resolveDispute, 'resolution'), TEXT_LIMITS.disputeResolution],
    ];
    for (const [schema, max] of pairs) {
      expect(schema.safeParse('x'.repeat(max)).success).toBe(true);
      expect(schema.safeParse('x'.repeat(max + 1)).success).toBe(false);
    }
  });

  it('a 5,000-character note without spaces wraps anywhere and folds behind "Ver más"', async () => {
    const note = 'A'.repeat(5000);
    fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'clients.list': () => ({ rows: [], total: 0 }),
      'clients.get': () => ({ ...clientDetail(7), notes: note }),
      'invoices.listByClient': () => [],
      'payments.listByClient': () => [],
    });
    const user = userEvent.setup();
    renderApp('#/clients/7');
    const box = await screen.findByTestId('client-notes');
    const text = within(box).getByText(note);
    // the wrapping itself is CSS (jsdom lays nothing out): the class is asserted here, its rule in
    // test/shared/longTextCss.test.ts and the page width in the browser (test/e2e/words.test.ts)
    expect(text.closest('.long-text')).not.toBeNull();
    expect(text).toHaveClass('long-text-folded');
    await user.click(within(box).getByRole('button', { name: 'Ver más' }));
    expect(text).not.toHaveClass('long-text-folded');
    expect(within(box).getByRole('button', { name: 'Ver menos' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('the client form says how long a note may be and counts as the clerk types', async () => {
    fakeTransport({ 'settings.get': () => SETTINGS, 'system.info': () => INFO, 'clients.list': () => ({ rows: [], total: 0 }), 'clients.segments': () => [] });
    const user = userEvent.setup();
    renderApp('#/clients');
    await user.click(await screen.findByRole('button', { name: /Nuevo cliente/ }));
    const notes = await screen.findByLabelText('Notas');
    expect(notes).toHaveAttribute('maxLength', '5000');
    expect(screen.getByText('0 / 5,000 caracteres')).toBeInTheDocument();
    await user.type(notes, 'Llamar los lunes');
    expect(screen.getByText('16 / 5,000 caracteres')).toBeInTheDocument();
    expect(screen.getByText('0 / 500 caracteres')).toBeInTheDocument(); // the address
  });
});

import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { defaultPolicy } from '#shared/domain/workflow/policy';
import { fakeTransport, INFO, renderApp, SETTINGS } from './support';

describe('workflow settings', () => {
  it('shows the contact-rules law for the preset, saves the policy and credits the holiday data', async () => {
    const fake = fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'backups.status': () => ({ folder: '/b', isDefaultFolder: true, last: null, due: false }),
      'backups.list': () => [],
      'audit.list': () => ({ rows: [], total: 0 }),
      'policy.get': () => defaultPolicy('es', 'PE'),
      'policy.set': (i) => i.policy,
    });
    renderApp('#/settings');
    await screen.findByText(/Ley 29571/);
    expect(screen.getByText(/CC BY-SA 3.0/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Reglas de contacto con consumidores'), { target: { value: 'CO' } });
    await screen.findByText(/Ley 2300 de 2023/);
    fireEvent.click(screen.getByRole('button', { name: 'Guardar flujo' }));
    await waitFor(() => expect(fake.callsOf('policy.set')).toHaveLength(1));
    expect(fake.callsOf('policy.set')[0]).toMatchObject({ policy: { contactRules: { preset: 'CO' }, promises: { graceDays: 3, tolerancePct: 1 } } });
  });
});

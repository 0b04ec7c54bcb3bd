import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Worklist, WorklistTask } from '#shared/contract/workflow';
import { addDays } from '#shared/domain/dates';
import { todayIso } from '../../renderer/app/locale';
import { fakeTransport, INFO, renderApp, SETTINGS } from './support';

const task = (id: number, kind: WorklistTask['kind'], code: string, priority: number): WorklistTask => ({
  id,
  clientId: id,
  clientCode: code,
  clientName: `Cliente ${code}`,
  kind,
  channel: kind === 'call' ? 'call' : 'email',
  stage: 'call',
  stageName: 'Llamada',
  priority,
  priorityFactors: [{ factor: 'amount', points: priority }],
  reason: `Motivo ${code}`,
  currency: 'PEN',
  overdue: 50_000,
  daysOverdue: 12,
  dueOn: '2026-11-20',
  templateKey: null,
  promiseId: null,
  disputeId: null,
});

describe('Today worklist', () => {
  it('runs the engine, lists tasks in groups, moves with j/k and completes with a promise, then refetches', async () => {
    let tasks = [task(1, 'message', 'B2', 30), task(2, 'call', 'A1', 40)];
    const list = (): Worklist => ({ date: '2026-11-20', tasks, doneToday: 2 - tasks.length, skippedToday: 0, left: tasks.length });
    const fake = fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'recovery.status': () => ({ failure: null, latest: null }),
      'workflow.run': () => ({ date: '2026-11-20', created: 2, stageChanges: 2, promisesBroken: 0, promisesKept: 0 }),
      'tasks.worklist': () => list(),
      'interactions.add': (input) => {
        tasks = tasks.filter((t) => t.id !== input.taskId);
        return { id: 9, taskId: input.taskId };
      },
    });
    renderApp('#/today');
    const rows = await screen.findAllByTestId('task-row');
    // calls come before messages whatever the order from the core
    expect(rows.map((r) => within(r).getByText(/Cliente/).textContent)).toEqual(['A1 · Cliente A1', 'B2 · Cliente B2']);
    expect(rows[0]).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(window, { key: 'j' });
    await waitFor(() => expect(screen.getAllByTestId('task-row')[1]).toHaveAttribute('aria-selected', 'true'));
    fireEvent.keyDown(window, { key: 'k' });
    fireEvent.keyDown(window, { key: 'Enter' });
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Resultado'), { target: { value: 'promise' } });
    expect((within(dialog).getByLabelText(/Monto prometido/) as HTMLInputElement).value).toBe('500.00');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(screen.getAllByTestId('task-row')).toHaveLength(1));
    expect(fake.callsOf('interactions.add')[0]).toMatchObject({
      clientId: 2,
      taskId: 2,
      outcome: 'promise',
      channel: 'call',
      promise: { amount: 50_000, currency: 'PEN', date: addDays(todayIso(), 3) },
    });
    expect(screen.getByTestId('today-done')).toHaveTextContent('1 hechas hoy');
    expect(fake.callsOf('tasks.worklist').length).toBeGreaterThanOrEqual(2);
  });
});

import { createStore } from 'zustand/vanilla';
import type { InputOf } from '#shared/contract/index';
import type { Worklist, WorklistTask } from '#shared/contract/workflow';
import { call } from '../../api/client';

export type CompleteInput = InputOf<'interactions.add'>;

export type TodayState = {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  list: Worklist | null;
  selected: number;
  /** runs the engine for today (idempotent) and reads the list */
  load(): Promise<void>;
  refresh(): Promise<void>;
  select(index: number): void;
  move(step: 1 | -1): void;
  current(): WorklistTask | null;
  complete(input: CompleteInput): Promise<void>;
  skip(id: number, reason: string): Promise<void>;
  reschedule(id: number, date: string): Promise<void>;
};

/** The screen's groups, in this order; within a group the core's priority order holds (stable sort). */
export const GROUPS = ['broken_promise', 'promise_due', 'installment_due', 'call', 'message', 'letter', 'visit', 'dispute_followup'] as const;
const byGroup = (tasks: WorklistTask[]) => [...tasks].sort((a, b) => GROUPS.indexOf(a.kind) - GROUPS.indexOf(b.kind));

/** Today's worklist. After every write the list is read again: the database is the truth. */
export function createTodayStore() {
  let generation = 0;
  return createStore<TodayState>()((set, get) => {
    async function read(run: boolean) {
      const gen = ++generation;
      if (!get().list) set({ status: 'loading', error: null });
      try {
        if (run) await call('workflow.run', {});
        const list = await call('tasks.worklist', {});
        if (gen !== generation) return;
        set({ status: 'ready', list: { ...list, tasks: byGroup(list.tasks) }, selected: Math.min(get().selected, Math.max(0, list.tasks.length - 1)) });
      } catch (error) {
        if (gen === generation) set({ status: 'error', error });
      }
    }
    return {
      status: 'idle',
      error: null,
      list: null,
      selected: 0,
      load: () => read(true),
      refresh: () => read(false),
      select: (index) => set({ selected: index }),
      move(step) {
        const n = get().list?.tasks.length ?? 0;
        if (n) set({ selected: Math.max(0, Math.min(n - 1, get().selected + step)) });
      },
      current: () => get().list?.tasks[get().selected] ?? null,
      async complete(input) {
        await call('interactions.add', input);
        await read(false);
      },
      async skip(id, reason) {
        await call('tasks.skip', { id, reason });
        await read(false);
      },
      async reschedule(id, date) {
        await call('tasks.reschedule', { id, date });
        await read(false);
      },
    };
  });
}

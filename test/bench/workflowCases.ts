import { addDays } from '#shared/domain/dates';
import type { BenchCase, BenchEnv } from './harness';

/**
 * The collection workflow on the bench book (issue #13's speed targets):
 *  - `worklist.first`: the engine's first run ever (no stages, no tasks yet): every client's stage is
 *    decided and every due task inserted;
 *  - `worklist.today`: the daily run on a book whose previous day was already run (each timed run is the
 *    next day after the one before, so the engine always finds yesterday done);
 *  - `today.query`: what the Today screen reads (`tasks.worklist`);
 *  - `client.timeline`: the busiest client's timeline.
 * The workflow writes, so `worklist.first` wipes what the engine wrote (untimed) before each run; the cases
 * read a copy of the cached book, so nothing here spoils it.
 */

const ENGINE_TABLES = ['tasks', 'stage_changes', 'client_stages', 'workflow_runs'];

function wipeWorkflow(env: BenchEnv): void {
  env.sqlite.transaction(() => {
    for (const t of ENGINE_TABLES) env.sqlite.prepare(`DELETE FROM ${t}`).run();
  })();
}

export function workflowCases(full: boolean): BenchCase[] {
  let day = '';
  let busiest = 0;
  const first: BenchCase = {
    name: 'worklist.first',
    runs: full ? 3 : 5,
    warmup: 1,
    before: (e) => wipeWorkflow(e),
    run: async (e) => {
      const got = await e.core.call('workflow.run', { date: e.today });
      if (got.created === 0 || got.stageChanges === 0) throw new Error('worklist.first: the first run created no tasks or stages');
      return got;
    },
  };
  const today: BenchCase = {
    name: 'worklist.today',
    runs: 7,
    setup: async (e) => {
      wipeWorkflow(e);
      day = e.today;
      await e.core.call('workflow.run', { date: day });
    },
    before: () => void (day = addDays(day, 1)),
    run: (e) => e.core.call('workflow.run', { date: day }),
  };
  const query: BenchCase = {
    name: 'today.query',
    runs: 9,
    run: async (e) => {
      const got = await e.core.call('tasks.worklist', { date: day });
      if (got.tasks.length === 0) throw new Error('today.query: the worklist is empty');
      return got;
    },
  };
  const timeline: BenchCase = {
    name: 'client.timeline',
    runs: 9,
    setup: (e) => {
      busiest = (e.sqlite.prepare('SELECT client_id AS id FROM invoices GROUP BY client_id ORDER BY count(*) DESC, client_id LIMIT 1').get() as { id: number })
        .id;
    },
    run: async (e) => {
      const got = await e.core.call('timeline.byClient', { clientId: busiest });
      if (got.length < 100) throw new Error('client.timeline: the busiest client has too short a timeline');
      return got;
    },
  };
  return [first, today, query, timeline];
}

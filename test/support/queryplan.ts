import type BetterSqlite3 from 'better-sqlite3';

export type Captured = { sql: string; params: unknown[] };

/**
 * Records the statements the core prepares and runs while `fn` runs (with the parameters it binds), so
 * query-plan tests ask SQLite about exactly the SQL the services execute, never a copy that could drift.
 */
export async function capture(sqlite: BetterSqlite3.Database, fn: () => Promise<unknown>): Promise<Captured[]> {
  const log: Captured[] = [];
  const proto = Object.getPrototypeOf(sqlite) as BetterSqlite3.Database;
  const patched = sqlite as BetterSqlite3.Database & { prepare: BetterSqlite3.Database['prepare'] };
  patched.prepare = ((src: string) => {
    const st = proto.prepare.call(sqlite, src);
    for (const m of ['all', 'get', 'run', 'iterate'] as const) {
      const f = st[m] as (...a: unknown[]) => unknown;
      (st as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
        log.push({ sql: src, params: args });
        return f.apply(st, args);
      };
    }
    return st;
  }) as BetterSqlite3.Database['prepare'];
  try {
    await fn();
  } finally {
    delete (patched as { prepare?: unknown }).prepare; // back to the prototype's
  }
  return log;
}

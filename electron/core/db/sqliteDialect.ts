import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';

/**
 * Kysely's SQLite dialect with two changes that the data's safety depends on:
 * - transactions start with BEGIN IMMEDIATE: a deferred BEGIN takes a read snapshot first, and when
 *   another process commits before our first write the upgrade fails with SQLITE_BUSY_SNAPSHOT, which
 *   busy_timeout cannot wait out. IMMEDIATE takes the write lock up front and waits busy_timeout for it.
 *   Every Kysely transaction here is a write (reads run outside transactions), so this costs nothing.
 * - transactional DDL: SQLite has it, and with it the Migrator runs pending migrations inside one
 *   transaction, so a crash mid-migration leaves the file at the previous version, never half-applied.
 */
export class CarteraSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

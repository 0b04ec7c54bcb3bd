import type { SystemInfo } from '#shared/contract/system';
import type { Ctx } from '../context';
import { SCHEMA_VERSION } from '../db/migrations/index';
import { backupFailure } from '../backups/failure';

export async function systemInfo(ctx: Ctx): Promise<SystemInfo> {
  const count = async (t: 'clients' | 'invoices' | 'payments') =>
    Number(
      (
        await ctx.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    appVersion: ctx.appVersion,
    schemaVersion: SCHEMA_VERSION,
    file: ctx.file,
    counts: { clients: await count('clients'), invoices: await count('invoices'), payments: await count('payments') },
    readOnly: ctx.readOnly ?? false,
    backupFailing: backupFailure(ctx) !== null,
  };
}

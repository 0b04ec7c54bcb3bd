import { z } from 'zod';
import { op } from './op';
import { empty } from './schemas';

/** One automatic backup file: `cartera-YYYYMMDD-HHMMSS-<reason>.sqlite` in the backup folder. */
export type BackupFileInfo = {
  file: string;
  name: string;
  /** ISO instant (UTC) the backup was made, from its name */
  at: string;
  bytes: number;
  /** auto | manual | quit | pre-restore | pre-migration | pre-import */
  reason: string;
};

export type BackupListEntry = BackupFileInfo & {
  /** read from the backup itself (read-only); null when it cannot be read */
  schemaVersion: number | null;
  counts: { clients: number; invoices: number; payments: number } | null;
  /** why the backup cannot be read, in the user's language; null when it can */
  problem: string | null;
};

export type BackupStatus = {
  folder: string;
  isDefaultFolder: boolean;
  last: BackupFileInfo | null;
  /** true when the next start would make an automatic backup (none for a day) */
  due: boolean;
};

export const backupStatus = op<BackupStatus>()('backups.status', empty, { writes: false });
export const backupList = op<BackupListEntry[]>()('backups.list', empty, { writes: false });
/**
 * Makes a verified backup into the backup folder and rotates. It writes a new file but changes
 * nothing in the data file, so it is not a `writes` operation (and runs outside any transaction).
 */
export const backupNowOp = op<BackupFileInfo>()('backups.now', empty, { writes: false });
/** An existing folder Cartera can write in (absolute path), or null for the default beside the data file. */
export const setBackupFolder = op<BackupStatus>()(
  'backups.setFolder',
  z.object({ folder: z.string().trim().min(1, { error: 'validation.required' }).max(1000, { error: 'validation.too_long' }).nullable() }).strict(),
  { writes: true },
);

export const backupOps = [backupStatus, backupList, backupNowOp, setBackupFolder] as const;

import { z } from 'zod';
import { op } from './op';
import { empty } from './schemas';
import type { RecoveryResult } from './recovery';

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
  /** the last backup that failed, until one succeeds (the renderer shows a banner); null when fine */
  failure: BackupFailure | null;
};

export type BackupFailure = {
  /** ISO instant of the failed attempt */
  at: string;
  /** auto | quit | manual …: which backup failed */
  reason: string;
  /** why, in the user's language */
  message: string;
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

/**
 * Replaces the data file with one of the backups that backups.list shows, named (never a free path).
 * The app closes the file, keeps a verified copy of it in the backup folder, restores and reopens; so
 * only a host that owns the file (the app, `npm run web`) carries it out.
 */
export const restoreBackup = op<RecoveryResult>()(
  'backups.restore',
  z.object({ name: z.string().regex(/^cartera-\d{8}-\d{6}-[a-z-]+(_\d+)?\.sqlite$/, { error: 'validation.backup_name' }) }).strict(),
  { writes: false, replacesData: true },
);

export const backupOps = [backupStatus, backupList, backupNowOp, setBackupFolder, restoreBackup] as const;

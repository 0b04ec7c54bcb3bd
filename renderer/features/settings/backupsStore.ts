import { createStore } from 'zustand/vanilla';
import type { BackupFileInfo, BackupListEntry, BackupStatus } from '#shared/contract/backups';
import { call } from '../../api/client';

export type BackupsState = {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  info: BackupStatus | null;
  list: BackupListEntry[];
  /** a manual backup in progress (it writes and verifies the whole file: seconds on a big book) */
  running: boolean;
  /** the last manual backup made in this session, to confirm it on screen */
  made: BackupFileInfo | null;
  load(): Promise<void>;
  backupNow(): Promise<BackupFileInfo>;
  /** null = back to the default folder beside the data file */
  setFolder(folder: string | null): Promise<void>;
  /** replaces the data file with this backup (the app keeps a copy of the current file) */
  restore(name: string): Promise<void>;
};

export function createBackupsStore() {
  return createStore<BackupsState>()((set, get) => ({
    status: 'idle',
    error: null,
    info: null,
    list: [],
    running: false,
    made: null,
    async load() {
      set({ status: get().info ? 'ready' : 'loading', error: null });
      try {
        const [info, list] = await Promise.all([call('backups.status', {}), call('backups.list', {})]);
        set({ status: 'ready', info, list });
      } catch (error) {
        set({ status: 'error', error });
      }
    },
    async backupNow() {
      set({ running: true });
      try {
        const made = await call('backups.now', {});
        set({ made });
        // the disk is the truth: rotation may have removed older files
        await get().load();
        return made;
      } finally {
        set({ running: false });
      }
    },
    async restore(name) {
      await call('backups.restore', { name });
    },
    async setFolder(folder) {
      const info = await call('backups.setFolder', { folder });
      set({ info });
      await get().load();
    },
  }));
}

export type BackupsStore = ReturnType<typeof createBackupsStore>;

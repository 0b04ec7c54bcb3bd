import { z } from 'zod';
import type { ApiError } from './errors';
import { op } from './op';

/**
 * When the data file will not open (corrupt, unreadable, from a newer version), the app stays up and
 * offers to restore the latest good backup. These two are answered by the host around the core: with
 * a healthy file there is nothing to recover.
 */
export type RecoveryStatus = {
  failure: ApiError | null;
  latest: { file: string; at: string; counts: { clients: number; invoices: number; payments: number } } | null;
};

export type RecoveryResult = { restoredFrom: string; at: string; safetyCopy: string | null };

export const recoveryStatus = op<RecoveryStatus>()('recovery.status', z.object({}).strict(), { writes: false });
/** Replaces the bad file with the latest good backup (a copy of the bad file is kept) and reopens. */
export const restoreLatest = op<RecoveryResult>()('recovery.restoreLatest', z.object({}).strict(), { writes: false, replacesData: true });

export const recoveryOps = [recoveryStatus, restoreLatest] as const;

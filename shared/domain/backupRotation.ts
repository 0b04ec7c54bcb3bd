/**
 * When to make an automatic backup and which old ones to delete. Pure: instants in, decisions out.
 * Periods (day, ISO week, month) are taken in UTC so the same files give the same answer on every
 * machine, whatever its time zone; being off by a few hours at a boundary costs nothing here.
 */

export type RotationPolicy = { daily: number; weekly: number; monthly: number };

/** 7 daily, 4 weekly, 12 monthly: a year of history in at most 23 files. */
export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

export const DAY_MS = 86_400_000;

/**
 * A backup is due when there is none, when the newest is a day old or more, or when the newest is
 * dated in the future (the clock was wrong when it was made, or is wrong now: a fresh copy is cheap).
 */
export function isBackupDue(last: Date | null, now: Date): boolean {
  if (!last) return true;
  const age = now.getTime() - last.getTime();
  return age >= DAY_MS || age < 0;
}

export type Dated = { id: string; at: Date };

const dayKey = (d: Date) => d.toISOString().slice(0, 10);
const monthKey = (d: Date) => d.toISOString().slice(0, 7);

/** ISO 8601 week, e.g. 2026-W47: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow); // the Thursday of this week decides its year
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Grandfather-father-son rotation: for each of the `daily` most recent days that have a backup, keep
 * the newest of that day; likewise for ISO weeks and months. A backup kept by any rule stays.
 * The newest backup is always kept. Returns the ids to delete (the rest are kept).
 */
export function backupsToDelete(backups: readonly Dated[], policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  const sorted = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const keep = new Set<string>();
  if (sorted[0]) keep.add(sorted[0].id);
  const rules: [number, (d: Date) => string][] = [
    [policy.daily, dayKey],
    [policy.weekly, isoWeekKey],
    [policy.monthly, monthKey],
  ];
  for (const [count, keyOf] of rules) {
    const seen = new Set<string>();
    for (const b of sorted) {
      if (seen.size >= count) break;
      const k = keyOf(b.at);
      if (seen.has(k)) continue;
      seen.add(k); // sorted newest first: the first of each period is its newest
      keep.add(b.id);
    }
  }
  return sorted.filter((b) => !keep.has(b.id)).map((b) => b.id);
}

/**
 * The reasons rotation may delete: the copies Cartera makes on its own schedule (at start and on quit).
 * A copy the user asked for ('manual') or one made before an import, restore or migration holds a
 * state the user may need to go back to, so rotation never deletes it; only the user does.
 */
export const AUTOMATIC_REASONS: readonly string[] = ['auto', 'quit'];

export function isAutomaticReason(reason: string): boolean {
  return AUTOMATIC_REASONS.includes(reason);
}

/** What rotation deletes in a folder: `backupsToDelete` over the automatic backups only. */
export function rotationPlan(backups: readonly (Dated & { reason: string })[], _now: Date, policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  return backupsToDelete(
    backups.filter((b) => isAutomaticReason(b.reason)),
    policy,
  );
}

export type BackupReason = 'auto' | 'manual' | 'quit' | 'pre-restore' | 'pre-migration' | 'pre-import';
export const BACKUP_REASONS: readonly BackupReason[] = ['auto', 'manual', 'quit', 'pre-restore', 'pre-migration', 'pre-import'];

const NAME = /^cartera-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-([a-z]+(?:-[a-z]+)*)(?:_(\d+))?\.sqlite$/;

/** `cartera-YYYYMMDD-HHMMSS-<reason>.sqlite` (UTC); `_N` is added when two fall in the same second. */
export function backupFileName(at: Date, reason: string, n = 1): string {
  const iso = at.toISOString(); // 2026-11-20T12:00:00.000Z
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
  return `cartera-${stamp}-${reason}${n > 1 ? `_${n}` : ''}.sqlite`;
}

/** The instant and reason in a backup's name, or null for files that are not automatic backups. */
export function parseBackupFileName(name: string): { at: Date; reason: string } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, reason] = m;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`);
  if (Number.isNaN(at.getTime()) || backupFileName(at, reason!).slice(0, 24) !== name.slice(0, 24)) return null;
  return { at, reason: reason! };
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backupFileName, backupsToDelete, DAY_MS, isBackupDue, isoWeekKey, parseBackupFileName, rotationPlan, type Dated } from '#shared/domain/backupRotation';

const base = Date.UTC(2024, 0, 1);
// up to ~3 years of backups at arbitrary instants, ids unique
const backupsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 3 * 365 * DAY_MS }), { maxLength: 120 })
  .map((offsets): Dated[] => offsets.map((o, i) => ({ id: `b${i}`, at: new Date(base + o) })));

describe('isBackupDue', () => {
  const now = new Date('2026-11-20T12:00:00Z');
  it('is due with no backup, at a day old, and when the last one is in the future', () => {
    expect(isBackupDue(null, now)).toBe(true);
    expect(isBackupDue(new Date(now.getTime() - DAY_MS), now)).toBe(true);
    expect(isBackupDue(new Date(now.getTime() - DAY_MS + 1000), now)).toBe(false);
    expect(isBackupDue(new Date(now.getTime() + 60_000), now)).toBe(true);
  });
});

describe('backupsToDelete', () => {
  it('keeps a partition: kept ∪ deleted = input, disjoint, and the newest is always kept', () => {
    fc.assert(
      fc.property(backupsArb, (bs) => {
        const del = backupsToDelete(bs);
        expect(new Set(del).size).toBe(del.length);
        const ids = new Set(bs.map((b) => b.id));
        for (const d of del) expect(ids.has(d)).toBe(true);
        if (bs.length > 0) {
          const newest = bs.reduce((a, b) => (b.at > a.at ? b : a));
          expect(del).not.toContain(newest.id);
        }
      }),
    );
  });

  it('keeps at most 7 + 4 + 12 and is idempotent (rotating the kept set deletes nothing)', () => {
    fc.assert(
      fc.property(backupsArb, (bs) => {
        const del = new Set(backupsToDelete(bs));
        const kept = bs.filter((b) => !del.has(b.id));
        expect(kept.length).toBeLessThanOrEqual(23);
        expect(backupsToDelete(kept)).toEqual([]);
      }),
    );
  });

  it('keeps the newest backup of each of the 7 most recent days, 4 weeks and 12 months that have one', () => {
    const periods: [number, (d: Date) => string][] = [
      [7, (d) => d.toISOString().slice(0, 10)],
      [4, isoWeekKey],
      [12, (d) => d.toISOString().slice(0, 7)],
    ];
    fc.assert(
      fc.property(backupsArb, (bs) => {
        const del = new Set(backupsToDelete(bs));
        for (const [n, keyOf] of periods) {
          const byPeriod = new Map<string, Dated>();
          for (const b of bs) {
            const k = keyOf(b.at);
            const cur = byPeriod.get(k);
            if (!cur || b.at > cur.at) byPeriod.set(k, b);
          }
          const recent = [...byPeriod.entries()].sort((a, b) => (a[0] < b[0] ? 1 : -1)).slice(0, n);
          for (const [, newest] of recent) expect(del.has(newest.id)).toBe(false);
        }
      }),
    );
  });

  it('thins a year of daily backups down to the policy', () => {
    const bs = Array.from({ length: 400 }, (_, i) => ({ id: String(i), at: new Date(base + i * DAY_MS) }));
    const kept = bs.length - backupsToDelete(bs).length;
    // 7 days; weeks and months overlap them partly: between 12 and 23 files
    expect(kept).toBeGreaterThanOrEqual(12);
    expect(kept).toBeLessThanOrEqual(23);
  });
});

describe('rotationPlan', () => {
  const reasons = ['auto', 'quit', 'manual', 'pre-restore', 'pre-migration', 'pre-import'] as const;
  it('deletes only automatic backups (auto, quit), exactly as backupsToDelete over them', () => {
    fc.assert(
      fc.property(backupsArb, fc.array(fc.constantFrom(...reasons), { minLength: 120, maxLength: 120 }), (bs, rs) => {
        const tagged = bs.map((b, i) => ({ ...b, reason: rs[i]! }));
        const del = rotationPlan(tagged, new Date(base + 4 * 365 * DAY_MS));
        const automatic = tagged.filter((b) => b.reason === 'auto' || b.reason === 'quit');
        expect(del).toEqual(backupsToDelete(automatic));
        const byId = new Map(tagged.map((b) => [b.id, b.reason]));
        for (const id of del) expect(['auto', 'quit']).toContain(byId.get(id));
      }),
    );
  });

  it('a manual backup made the same day does not displace the automatic one', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 10, 20, h));
    const bs = [
      { id: 'morning-auto', at: at(8), reason: 'auto' },
      { id: 'manual-1', at: at(10), reason: 'manual' },
      { id: 'manual-2', at: at(11), reason: 'manual' },
    ];
    expect(rotationPlan(bs, at(12))).toEqual([]);
    expect(rotationPlan([...bs, { id: 'quit', at: at(18), reason: 'quit' }], at(18))).toEqual(['morning-auto']);
  });
});

describe('backup file names', () => {
  it('round-trip the instant (to the second) and the reason', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.constantFrom('auto', 'quit', 'pre-restore'),
        fc.integer({ min: 1, max: 9 }),
        (d, reason, n) => {
          const name = backupFileName(d, reason, n);
          expect(name).toMatch(/^cartera-\d{8}-\d{6}-[a-z-]+(_\d)?\.sqlite$/);
          const parsed = parseBackupFileName(name);
          expect(parsed?.reason).toBe(reason);
          expect(parsed?.at.getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000);
        },
      ),
    );
    expect(parseBackupFileName('cartera-20261320-120000-auto.sqlite')).toBeNull();
    expect(parseBackupFileName('mybook.sqlite')).toBeNull();
  });
});

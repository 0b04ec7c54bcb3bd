/** mulberry32: a tiny, fast, seedable PRNG, so the same seed always builds the same demo book. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
    /** log-normal-ish amounts: many small invoices, a few large ones */
    amount: (median: number) => Math.max(100, Math.round(median * Math.exp((next() + next() + next() - 1.5) * 1.6))),
  };
}
export type Rng = ReturnType<typeof rng>;

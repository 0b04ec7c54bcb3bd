import { Writable } from 'node:stream';
import { main } from '#core/cli/main';

export function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return { stream, text: () => text };
}

/** Runs the CLI in-process in English; returns exit code and what it wrote. */
export async function cli(...argv: string[]) {
  const out = sink();
  const err = sink();
  const code = await main([...argv, '--lang', 'en'], out.stream, err.stream);
  return { code, out: out.text(), err: err.text() };
}

/** mulberry32: a small seeded PRNG, so a failing run fails the same way again. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function noise(n: number, seed: number): Buffer {
  const r = rng(seed);
  return Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineClient, forkEngine, type EngineClient } from '#core/engine/client';
import type { EngineOptions } from '#core/engine/protocol';

export const ENGINE_ENTRY = fileURLToPath(new URL('../../electron/core/engine/entry.ts', import.meta.url));

/** The engine process from its TypeScript sources (tsx), as a test or the benchmark drives it. */
export function startEngine(file: string, fixedNow = '2026-03-31T12:00:00.000Z', extra: Partial<EngineOptions> = {}): EngineClient {
  return engineClient(forkEngine(ENGINE_ENTRY, ['--import', 'tsx']), file, { fallbackLocale: 'en', locale: 'en', fixedNow, firstCheckAfterMs: -1, ...extra });
}

export function tempBook(): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-engine-'));
  return { dir, file: path.join(dir, 'book.sqlite') };
}

export const clientsCsv = (n: number) =>
  Buffer.from(['code,name,payment_terms_days', ...Array.from({ length: n }, (_, i) => `K${i},Cliente ${i},30`)].join('\n')).toString('base64');

/** n invoice rows in the Spanish spreadsheet style the importer reads (the speed test's file). */
export function invoicesCsv(n: number, clients: number): string {
  const lines = ['client_code;number;issue_date;due_date;currency;amount;description'];
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(`K${i % clients};F${i};${day}/0${(i % 9) + 1}/2026;;${i % 5 ? 'PEN' : 'USD'};${(i % 9000) + 1},${String(i % 100).padStart(2, '0')};Venta ${i}`);
  }
  return Buffer.from(lines.join('\n')).toString('base64');
}

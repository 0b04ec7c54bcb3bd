import type { Ctx } from '../context';
import { codeKey, RowReject, taxKey, text, type Env } from './env';
import { headerOf, type ImportRow } from './layout';

export type ClientRef = { id: number; code: string; terms: number };

/** Client codes and tax ids → clients, loaded once per import instead of once per row. */
export async function loadClientIndex(ctx: Ctx) {
  // raw rows, not through the camel-case plugin: a book has tens of thousands of clients
  const rows = ctx.sqlite.prepare('SELECT id, code, tax_id AS taxId, payment_terms_days AS paymentTermsDays FROM clients').all() as {
    id: number;
    code: string;
    taxId: string | null;
    paymentTermsDays: number;
  }[];
  const byCode = new Map<string, ClientRef>();
  const byTax = new Map<string, ClientRef | null>();
  for (const r of rows) {
    const ref = { id: r.id, code: r.code, terms: r.paymentTermsDays };
    byCode.set(codeKey(r.code), ref);
    if (r.taxId) {
      const k = taxKey(r.taxId);
      // two clients with one tax id (branches) cannot be told apart by it: null marks that
      byTax.set(k, byTax.has(k) ? null : ref);
    }
  }
  // files name the same clients over and over: each code as written is folded and looked up once
  const seenCodes = new Map<string, ClientRef>();
  return {
    /** The row's client by code, else by tax id; unknown (or ambiguous) rejects the row. */
    resolve(env: Env, row: ImportRow): ClientRef {
      const code = text(env, row, 'client_code', 200);
      const tax = text(env, row, 'client_tax_id', 40);
      if (code) {
        let hit = seenCodes.get(code);
        if (hit) return hit;
        hit = byCode.get(codeKey(code));
        if (hit) {
          seenCodes.set(code, hit);
          return hit;
        }
        throw new RowReject('unknown_client', { code });
      }
      if (tax) {
        const hit = byTax.get(taxKey(tax));
        if (hit) return hit;
        throw new RowReject('unknown_client', { code: tax });
      }
      throw new RowReject('required', { field: headerOf(env.layout, 'client_code' in env.layout.mapping ? 'client_code' : 'client_tax_id') });
    },
  };
}

/** Splits ids into chunks small enough for an IN list on any database. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

import type { DrillFilter } from './agingStore';

/**
 * A drill-down as the query of its route ('#/aging/detail?currency=PEN&client=C-2&bucket=5'), so Back
 * from a client opened in it returns to it. An absent segment key means "any"; `segment=` means "none".
 */
export function drillToQuery(f: DrillFilter): string {
  const q = new URLSearchParams({ currency: f.currency });
  if (f.clientCode !== undefined) q.set('client', f.clientCode);
  if (f.segment !== undefined) q.set('segment', f.segment ?? '');
  if (f.bucket !== undefined) q.set('bucket', String(f.bucket));
  if (f.label) q.set('label', f.label);
  return q.toString();
}

export function drillFromQuery(query: string): DrillFilter | null {
  const q = new URLSearchParams(query);
  const currency = q.get('currency');
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return null;
  const f: DrillFilter = { currency };
  const client = q.get('client');
  if (client !== null) f.clientCode = client;
  const segment = q.get('segment');
  if (segment !== null) f.segment = segment === '' ? null : segment;
  const bucket = q.get('bucket');
  if (bucket !== null && /^\d{1,2}$/.test(bucket)) f.bucket = Number(bucket);
  const label = q.get('label');
  if (label) f.label = label;
  return f;
}

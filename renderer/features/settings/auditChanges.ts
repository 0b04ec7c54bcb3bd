/** What changed between two recorded states, as short "field: old → new" lines (top-level fields only). */
export function auditChanges(before: unknown, after: unknown, max = 3): string[] {
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
  const b = obj(before);
  const a = obj(after);
  const show = (v: unknown) => {
    const s = v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
    return s.length > 40 ? `${s.slice(0, 39)}…` : s;
  };
  const skip = new Set(['updatedAt', 'createdAt', 'id']);
  if (!a && !b) return [];
  if (!b || !a) {
    // created or removed: name the record rather than listing every field
    const r = (a ?? b)!;
    const name = ['code', 'number', 'name', 'folder'].filter((k) => k in r).map((k) => show(r[k]));
    return name.length ? [name.join(' · ')] : [];
  }
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !skip.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  const lines = keys.slice(0, max).map((k) => `${k}: ${show(b[k])} → ${show(a[k])}`);
  if (keys.length > max) lines.push(`+${keys.length - max}`);
  return lines;
}

/**
 * The one template engine for everything a user can edit: letters, messages and call-script steps.
 * Liquid (liquidjs) runs no JavaScript. It is locked down further: only own properties are visible (so
 * `{{ x.constructor }}` prints nothing), there is no file system (`include`/`layout` find nothing),
 * unknown filters are errors, and parsing, rendering time and memory are bounded, so a hostile template
 * cannot run code, read files or hang the app. Output is plain text: letters and messages are not HTML,
 * so nothing is escaped.
 */
import { Liquid } from 'liquidjs';

export const TEMPLATE_LIMITS = { sourceChars: 50_000, outputChars: 200_000, renderMs: 500, memory: 5_000_000 } as const;

export type TemplateProblem =
  { kind: 'syntax'; message: string; line?: number } | { kind: 'too_large' } | { kind: 'limit' } | { kind: 'unknown_variables'; names: string[] };

export type RenderResult = { ok: true; text: string } | { ok: false; problem: TemplateProblem };

const engine = new Liquid({
  ownPropertyOnly: true,
  strictFilters: true,
  strictVariables: false,
  templates: {}, // in-memory and empty: no template can read another file
  relativeReference: false,
  parseLimit: TEMPLATE_LIMITS.sourceChars,
  renderLimit: TEMPLATE_LIMITS.renderMs,
  memoryLimit: TEMPLATE_LIMITS.memory,
  jsTruthy: true, // '' and 0 are false in {% if %}, as a person editing a letter expects
});

function pathOf(segments: readonly (string | number)[]): string {
  return segments.map(String).join('.');
}

/** Variables the template reads that are not among the known ones (loop variables are its own, not flagged). */
export function unknownVariables(source: string, known: readonly string[]): string[] {
  const used = engine.globalVariableSegmentsSync(source).map((s) => pathOf(s as (string | number)[]));
  const ok = (p: string) => known.some((k) => p === k || p.startsWith(`${k}.`) || k.startsWith(`${p}.`));
  return [...new Set(used.filter((p) => !ok(p)))].sort();
}

/** Checks a template as the editor does: syntax, size and variables, without rendering it. */
export function checkTemplate(source: string, known: readonly string[]): TemplateProblem | null {
  if (source.length > TEMPLATE_LIMITS.sourceChars) return { kind: 'too_large' };
  try {
    engine.parse(source);
    const unknown = unknownVariables(source, known);
    return unknown.length ? { kind: 'unknown_variables', names: unknown } : null;
  } catch (e) {
    return syntaxProblem(e);
  }
}

function syntaxProblem(e: unknown): TemplateProblem {
  const err = e as { message?: string; token?: { getPosition?: () => [number, number] } };
  const line = err.token?.getPosition?.()[0];
  return { kind: 'syntax', message: String(err.message ?? e).split('\n')[0]!, ...(line ? { line } : {}) };
}

function isLimitError(e: unknown): boolean {
  return /limit exceeded/i.test(String((e as Error)?.message ?? ''));
}

/**
 * Renders a template with data. Unknown variables are refused rather than printed empty or raw: a letter
 * must never go out with a hole where the amount should be.
 */
export function renderTemplate(source: string, data: Record<string, unknown>, known: readonly string[]): RenderResult {
  const problem = checkTemplate(source, known);
  if (problem) return { ok: false, problem };
  try {
    const text = engine.parseAndRenderSync(source, data) as string;
    if (text.length > TEMPLATE_LIMITS.outputChars) return { ok: false, problem: { kind: 'limit' } };
    return { ok: true, text };
  } catch (e) {
    return { ok: false, problem: isLimitError(e) ? { kind: 'limit' } : syntaxProblem(e) };
  }
}

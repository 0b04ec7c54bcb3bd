/**
 * A call script is data: a graph of steps (what to say) and answers (what the debtor said), where an
 * answer either leads to another step or ends the call by recording exactly one outcome. Scripts are
 * stored, edited and shipped as this shape; the texts are templates rendered with the client's data.
 */
export const SCRIPT_KINDS = ['courtesy', 'first_overdue', 'liquidity', 'dispute', 'broken_promise', 'final_notice'] as const;
export type ScriptKind = (typeof SCRIPT_KINDS)[number];

export const SCRIPT_OUTCOMES = ['interaction', 'promise', 'plan', 'dispute', 'callback'] as const;
export type ScriptOutcome = (typeof SCRIPT_OUTCOMES)[number];

/** An answer goes on to a step, or ends the call with an outcome; never both, never neither. */
export type ScriptAnswer = { label: string } & ({ next: string; outcome?: never } | { outcome: ScriptOutcome; next?: never });

export type ScriptStep = { id: string; say: string; answers: ScriptAnswer[] };

export type CallScript = { kind: ScriptKind; title: string; start: string; steps: ScriptStep[] };

export type ScriptProblem =
  | { kind: 'no_steps' }
  | { kind: 'duplicate_step'; step: string }
  | { kind: 'missing_start'; step: string }
  | { kind: 'no_answers'; step: string }
  | { kind: 'unknown_next'; step: string; answer: string; next: string }
  | { kind: 'answer_without_end'; step: string; answer: string }
  | { kind: 'unreachable'; step: string }
  | { kind: 'no_end'; step: string };

/**
 * Everything wrong with a script, so the editor can list it all at once: each step reachable from the
 * start, each answer leads somewhere real or ends with one outcome, and from every step some path ends.
 */
export function checkScript(s: CallScript): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  if (s.steps.length === 0) return [{ kind: 'no_steps' }];
  const byId = new Map<string, ScriptStep>();
  for (const step of s.steps) {
    if (byId.has(step.id)) problems.push({ kind: 'duplicate_step', step: step.id });
    byId.set(step.id, step);
  }
  if (!byId.has(s.start)) problems.push({ kind: 'missing_start', step: s.start });
  for (const step of s.steps) {
    if (step.answers.length === 0) problems.push({ kind: 'no_answers', step: step.id });
    for (const a of step.answers) {
      const hasNext = typeof a.next === 'string';
      const hasOutcome = typeof a.outcome === 'string' && (SCRIPT_OUTCOMES as readonly string[]).includes(a.outcome);
      if (hasNext === hasOutcome) problems.push({ kind: 'answer_without_end', step: step.id, answer: a.label });
      else if (hasNext && !byId.has(a.next!)) problems.push({ kind: 'unknown_next', step: step.id, answer: a.label, next: a.next! });
    }
  }
  const reached = reachable(s, byId);
  for (const step of s.steps) if (!reached.has(step.id)) problems.push({ kind: 'unreachable', step: step.id });
  const ending = canEnd(s);
  for (const step of s.steps) if (reached.has(step.id) && !ending.has(step.id)) problems.push({ kind: 'no_end', step: step.id });
  return problems;
}

function reachable(s: CallScript, byId: Map<string, ScriptStep>): Set<string> {
  const seen = new Set<string>();
  const queue = byId.has(s.start) ? [s.start] : [];
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const a of byId.get(id)?.answers ?? []) if (a.next && byId.has(a.next)) queue.push(a.next);
  }
  return seen;
}

/** Steps from which some path of answers ends with an outcome (a fixed point over the graph). */
function canEnd(s: CallScript): Set<string> {
  const ends = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const step of s.steps) {
      if (ends.has(step.id)) continue;
      if (
        step.answers.some((a) => (a.outcome !== undefined && a.next === undefined) || (a.next !== undefined && a.outcome === undefined && ends.has(a.next)))
      ) {
        ends.add(step.id);
        grew = true;
      }
    }
  }
  return ends;
}

/** Every template text of a script (steps and answers), for checking variables in one pass. */
export function scriptTexts(s: CallScript): string[] {
  return s.steps.flatMap((step) => [step.say, ...step.answers.map((a) => a.label)]);
}

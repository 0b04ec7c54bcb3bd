import { renderTemplate, unknownVariables, type TemplateProblem } from '../templates/render';
import type { CallScript, ScriptOutcome } from './graph';

/** The variables a call script may use; the core fills them from the ledger, formatted for the locale. */
export const SCRIPT_VARIABLES = [
  'company.name',
  'client.name',
  'client.code',
  'contact.name',
  'overdue.amount',
  'overdue.count',
  'oldest.number',
  'oldest.amount',
  'oldest.due',
  'oldest.daysLate',
  'interest.amount',
  'payment.methods',
  'promise.amount',
  'promise.date',
  'deadline.days',
  'today',
] as const;

/** Every value is text ready to read aloud; missing data is '' so templates can say `| default: "…"`. */
export type ScriptVariables = {
  company: { name: string };
  client: { name: string; code: string };
  contact: { name: string };
  overdue: { amount: string; count: string };
  oldest: { number: string; amount: string; due: string; daysLate: string };
  interest: { amount: string };
  payment: { methods: string };
  promise: { amount: string; date: string };
  deadline: { days: string };
  today: string;
};

export type RenderedAnswer = { label: string; next: string | null; outcome: ScriptOutcome | null };
export type RenderedStep = { id: string; say: string; answers: RenderedAnswer[] };
export type RenderedScript = { kind: CallScript['kind']; title: string; start: string; steps: RenderedStep[] };

export type ScriptRenderResult = { ok: true; script: RenderedScript } | { ok: false; step: string; problem: TemplateProblem };

/** Unknown variables anywhere in the script, for the editor. */
export function scriptUnknownVariables(s: CallScript): string[] {
  const all = s.steps.flatMap((st) => [st.say, ...st.answers.map((a) => a.label)].flatMap((t) => unknownVariables(t, SCRIPT_VARIABLES)));
  return [...new Set(all)].sort();
}

export function renderScript(s: CallScript, vars: ScriptVariables): ScriptRenderResult {
  const data = vars as unknown as Record<string, unknown>;
  const steps: RenderedStep[] = [];
  for (const st of s.steps) {
    const say = renderTemplate(st.say, data, SCRIPT_VARIABLES);
    if (!say.ok) return { ok: false, step: st.id, problem: say.problem };
    const answers: RenderedAnswer[] = [];
    for (const a of st.answers) {
      const label = renderTemplate(a.label, data, SCRIPT_VARIABLES);
      if (!label.ok) return { ok: false, step: st.id, problem: label.problem };
      answers.push({ label: label.text, next: a.next ?? null, outcome: a.outcome ?? null });
    }
    steps.push({ id: st.id, say: say.text, answers });
  }
  return { ok: true, script: { kind: s.kind, title: s.title, start: s.start, steps } };
}

/** A script as plain text, every step and answer, in the order a reader follows it from the start. */
export function scriptAsText(s: RenderedScript, outcomeLabel: (o: ScriptOutcome) => string, thenLabel: (step: number) => string): string {
  const order: string[] = [];
  const visit = (id: string) => {
    if (order.includes(id)) return;
    order.push(id);
    for (const a of s.steps.find((x) => x.id === id)?.answers ?? []) if (a.next) visit(a.next);
  };
  visit(s.start);
  for (const st of s.steps) if (!order.includes(st.id)) order.push(st.id);
  const number = (id: string) => order.indexOf(id) + 1;
  const lines = [s.title, '='.repeat([...s.title].length), ''];
  for (const id of order) {
    const st = s.steps.find((x) => x.id === id)!;
    lines.push(`${number(id)}. ${st.say}`);
    for (const a of st.answers) lines.push(`   - ${a.label} → ${a.next ? thenLabel(number(a.next)) : outcomeLabel(a.outcome!)}`);
    lines.push('');
  }
  return lines.join('\n');
}

import { z } from 'zod';
import { SCRIPT_KINDS, SCRIPT_OUTCOMES, type ScriptKind } from '../domain/scripts/graph';
import type { RenderedScript } from '../domain/scripts/render';
import { op } from './op';
import { id } from './schemas';

const say = z.string().max(4_000);
const answer = z.union([
  z.object({ label: z.string().min(1).max(300), next: z.string().min(1).max(60) }).strict(),
  z.object({ label: z.string().min(1).max(300), outcome: z.enum(SCRIPT_OUTCOMES) }).strict(),
]);
export const callScriptBody = z
  .object({
    title: z.string().min(1).max(200),
    start: z.string().min(1).max(60),
    steps: z
      .array(z.object({ id: z.string().min(1).max(60), say, answers: z.array(answer).min(1).max(12) }).strict())
      .min(1)
      .max(100),
  })
  .strict();
export const scriptKind = z.enum(SCRIPT_KINDS, { error: 'validation.script.kind' });

/** A shipped default: one script per language. */
export const defaultScriptFile = z.object({ kind: scriptKind, es: callScriptBody, en: callScriptBody }).strict();

export type RenderedCallScript = RenderedScript & { clientId: number; language: 'es' | 'en' };

export const renderScriptOp = op<RenderedCallScript>()(
  'scripts.render',
  z.object({ clientId: id, kind: scriptKind, language: z.enum(['es', 'en']).optional() }).strict(),
  { writes: false },
);
export const listScriptKinds = op<{ kind: ScriptKind; title: string }[]>()('scripts.kinds', z.object({ language: z.enum(['es', 'en']).optional() }).strict(), {
  writes: false,
});

export const scriptOps = [renderScriptOp, listScriptKinds] as const;

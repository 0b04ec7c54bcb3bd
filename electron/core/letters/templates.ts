import { z } from 'zod';
import type { LetterKind } from '#shared/domain/letters/kinds';
import courtesy from '../../../resources/letters/courtesy_reminder.json';
import first from '../../../resources/letters/first_reminder.json';
import second from '../../../resources/letters/second_notice.json';
import final from '../../../resources/letters/final_notice.json';
import preLegal from '../../../resources/letters/pre_legal.json';
import promise from '../../../resources/letters/promise_confirmation.json';
import plan from '../../../resources/letters/plan_agreement.json';
import thanks from '../../../resources/letters/thank_you.json';
import statement from '../../../resources/letters/statement.json';
import noDebt from '../../../resources/letters/no_debt.json';

export type LetterTemplate = { subject: string; body: string };
const text = z.object({ subject: z.string().min(1).max(300), body: z.string().min(1).max(20_000) }).strict();
const file = z.object({ kind: z.string(), es: text, en: text }).strict();

let cache: Record<LetterKind, { es: LetterTemplate; en: LetterTemplate }> | null = null;

/** The default letter templates, shipped as data in resources/letters (es and en). */
export function defaultLetterTemplates(): Record<LetterKind, { es: LetterTemplate; en: LetterTemplate }> {
  if (cache) return cache;
  const out = {} as Record<LetterKind, { es: LetterTemplate; en: LetterTemplate }>;
  for (const raw of [courtesy, first, second, final, preLegal, promise, plan, thanks, statement, noDebt]) {
    const f = file.parse(raw);
    out[f.kind as LetterKind] = { es: f.es, en: f.en };
  }
  cache = out;
  return out;
}

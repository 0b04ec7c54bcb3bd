import type { ParsedInputOf } from '#shared/contract/index';
import type { RenderedCallScript } from '#shared/contract/scripts';
import { languageOf } from '#shared/i18n/index';
import { renderScript } from '#shared/domain/scripts/render';
import { SCRIPT_KINDS, type ScriptKind } from '#shared/domain/scripts/graph';
import type { Ctx } from '../context';
import { CarteraError } from '../errors';
import { defaultScripts } from './defaults';
import { scriptVariables } from './context';

/** A call script filled with one client's data, in the user's language unless another is asked for. */
export async function renderCallScript(ctx: Ctx, input: ParsedInputOf<'scripts.render'>): Promise<RenderedCallScript> {
  const language = input.language ?? languageOf(ctx.locale);
  const script = defaultScripts()[input.kind][language];
  // amounts and dates follow the book's locale (es-PE, en-US…) when it speaks the script's language
  const locale = languageOf(ctx.locale) === language ? ctx.locale : language;
  const vars = await scriptVariables(ctx, input.clientId, locale);
  const r = renderScript(script, vars);
  if (!r.ok) throw new CarteraError('validation', 'error.script.render', { step: r.step, problem: r.problem.kind });
  return { ...r.script, clientId: input.clientId, language };
}

export async function scriptKinds(ctx: Ctx, input: ParsedInputOf<'scripts.kinds'>): Promise<{ kind: ScriptKind; title: string }[]> {
  const language = input.language ?? languageOf(ctx.locale);
  const all = defaultScripts();
  return SCRIPT_KINDS.map((kind) => ({ kind, title: all[kind][language].title }));
}

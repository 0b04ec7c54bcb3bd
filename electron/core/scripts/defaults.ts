import { defaultScriptFile } from '#shared/contract/scripts';
import type { CallScript, ScriptKind } from '#shared/domain/scripts/graph';
import courtesy from '../../../resources/scripts/courtesy.json';
import firstOverdue from '../../../resources/scripts/first_overdue.json';
import liquidity from '../../../resources/scripts/liquidity.json';
import dispute from '../../../resources/scripts/dispute.json';
import brokenPromise from '../../../resources/scripts/broken_promise.json';
import finalNotice from '../../../resources/scripts/final_notice.json';

type Pair = { es: CallScript; en: CallScript };
let cache: Record<ScriptKind, Pair> | null = null;

/** The scripts Cartera ships, as data in resources/scripts; checked against the script schema once. */
export function defaultScripts(): Record<ScriptKind, Pair> {
  if (cache) return cache;
  const out = {} as Record<ScriptKind, Pair>;
  for (const raw of [courtesy, firstOverdue, liquidity, dispute, brokenPromise, finalNotice]) {
    const f = defaultScriptFile.parse(raw);
    out[f.kind] = { es: { kind: f.kind, ...f.es } as CallScript, en: { kind: f.kind, ...f.en } as CallScript };
  }
  cache = out;
  return out;
}

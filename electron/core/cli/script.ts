import type { Core } from '../app';
import { translate } from '#shared/i18n/index';
import { SCRIPT_KINDS, type ScriptKind } from '#shared/domain/scripts/graph';
import { scriptAsText } from '#shared/domain/scripts/render';
import { defaultScripts } from '../scripts/defaults';
import { notFound } from '../errors';
import { usage, type CliValues } from './kpis';

/** `cartera script --help`: the kinds with their titles in both languages; needs no data file. */
export function scriptHelp(): string {
  const all = defaultScripts();
  const rows = SCRIPT_KINDS.map((k) => `  ${k.padEnd(16)} ${all[k].es.title} / ${all[k].en.title}`);
  return `Usage: cartera --db FILE script --client CODE --kind KIND [--lang es|en]\n\nPrints a call script filled with the client's data, every step and answer.\n\nKinds:\n${rows.join('\n')}\n`;
}

export async function runScript(core: Core, values: CliValues, out: NodeJS.WritableStream): Promise<number> {
  if (typeof values.client !== 'string') throw usage('script needs --client CODE');
  const kind = values.kind;
  if (typeof kind !== 'string' || !(SCRIPT_KINDS as readonly string[]).includes(kind)) throw usage(`--kind must be one of ${SCRIPT_KINDS.join(', ')}`);
  const client = await core.ctx.db.selectFrom('clients').select('id').where('code', '=', values.client).executeTakeFirst();
  if (!client) throw notFound('client', values.client);
  const s = await core.call('scripts.render', {
    clientId: client.id,
    kind: kind as ScriptKind,
    ...(values.lang === 'es' || values.lang === 'en' ? { language: values.lang } : {}),
  });
  const t = (key: string, params?: Record<string, string | number>) => translate(s.language, key, params);
  out.write(
    scriptAsText(
      s,
      (o) => t(`script.outcome.${o}`),
      (n) => t('script.then', { step: n }),
    ) + '\n',
  );
  return 0;
}

import { writeFile } from 'node:fs/promises';
import type { Core } from '../app';
import { LETTER_KINDS, type LetterKind } from '#shared/domain/letters/kinds';
import { notFound } from '../errors';
import { dateFlag, usage, type CliValues } from './kpis';

export function letterHelp(): string {
  return `Usage: cartera --db FILE letter --client CODE --kind KIND --out FILE.pdf [--date YYYY-MM-DD] [--json] [--lang es|en]

Generates a letter as PDF, keeps it on the client's timeline and writes it to FILE.pdf. With --json it
also prints the figures the letter states (minor units, one object per currency).

Kinds:
${LETTER_KINDS.map((k) => `  ${k}`).join('\n')}
`;
}

export async function runLetter(core: Core, values: CliValues, out: NodeJS.WritableStream): Promise<number> {
  if (typeof values.client !== 'string') throw usage('letter needs --client CODE');
  const kind = values.kind;
  if (typeof kind !== 'string' || !(LETTER_KINDS as readonly string[]).includes(kind)) throw usage(`--kind must be one of ${LETTER_KINDS.join(', ')}`);
  if (typeof values.out !== 'string' || !/\.pdf$/i.test(values.out)) throw usage('letter needs --out FILE.pdf');
  const date = dateFlag(values.date, '--date', core.ctx.clock.today());
  const client = await core.ctx.db.selectFrom('clients').select('id').where('code', '=', values.client).executeTakeFirst();
  if (!client) throw notFound('client', values.client);
  const r = await core.call('letters.generate', {
    clientId: client.id,
    kind: kind as LetterKind,
    date,
    ...(values.lang === 'es' || values.lang === 'en' ? { language: values.lang } : {}),
  });
  await writeDocument(core, r.documentId, values.out);
  if (values.json) out.write(JSON.stringify(r.figures.length === 1 ? r.figures[0] : r.figures, null, 2) + '\n');
  else out.write(`letter: ${values.out} (${r.bytes} bytes)\n`);
  return 0;
}

/** `cartera statement --client CODE --from D --to D --out FILE.pdf`: a statement of account, kept and written. */
export async function runStatement(core: Core, values: CliValues, out: NodeJS.WritableStream): Promise<number> {
  if (typeof values.client !== 'string') throw usage('statement needs --client CODE');
  if (typeof values.out !== 'string' || !/\.pdf$/i.test(values.out)) throw usage('statement needs --out FILE.pdf');
  const from = dateFlag(values.from, '--from');
  const to = dateFlag(values.to, '--to');
  const client = await core.ctx.db.selectFrom('clients').select('id').where('code', '=', values.client).executeTakeFirst();
  if (!client) throw notFound('client', values.client);
  const r = await core.call('statements.generate', {
    clientId: client.id,
    from,
    to,
    ...(values.lang === 'es' || values.lang === 'en' ? { language: values.lang } : {}),
  });
  await writeDocument(core, r.documentId, values.out);
  out.write(`statement: ${values.out} (${r.bytes} bytes)\n`);
  return 0;
}

async function writeDocument(core: Core, documentId: number, file: string): Promise<void> {
  const doc = await core.ctx.db.selectFrom('documents').select('content').where('id', '=', documentId).executeTakeFirstOrThrow();
  await writeFile(file, doc.content!);
}

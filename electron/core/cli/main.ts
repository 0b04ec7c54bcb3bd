import { parseArgs } from 'node:util';
import { openCore, systemClock, type Core } from '../app';
import { fixedClock } from '#shared/domain/dates';
import { isIsoDate } from '#shared/domain/dates';
import { agingToCsv, agingToTable, type AgingFormat } from './output';
import { runAgingBy, runKpis } from './kpis';
import { isReportExport, runExport } from './export';
import { backupTo } from '../backups/backup';
import { runImport } from '../imports/command';
import { isSafetyCommand, runSafety } from './safety';
import { runPlan } from './plan';
import { runScript, scriptHelp } from './script';
import { letterHelp, runLetter, runStatement } from './letter';
import { toApiError } from '../api';
import { CarteraError } from '../errors';
import { ignoreBrokenPipe } from './brokenPipe';

import { USAGE } from './usage';

class UsageError extends Error {}

/** Runs one CLI invocation; returns the exit code. Output goes to the given streams (tests pass their own). */
export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  ignoreBrokenPipe(out, err);
  let core: Core | null = null;
  let lang: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        clients: { type: 'string' },
        invoices: { type: 'string' },
        seed: { type: 'string' },
        today: { type: 'string' },
        'as-of': { type: 'string' },
        format: { type: 'string' },
        basis: { type: 'string' },
        buckets: { type: 'string' },
        'dry-run': { type: 'boolean' },
        partial: { type: 'boolean' },
        encoding: { type: 'string' },
        delimiter: { type: 'string' },
        'date-format': { type: 'string' },
        lang: { type: 'string' },
        out: { type: 'string' },
        by: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        decimal: { type: 'string' },
        view: { type: 'string' },
        client: { type: 'string' },
        date: { type: 'string' },
        amount: { type: 'string' },
        currency: { type: 'string' },
        made: { type: 'string' },
        installments: { type: 'string' },
        frequency: { type: 'string' },
        first: { type: 'string' },
        down: { type: 'string' },
        rate: { type: 'string' },
        method: { type: 'string' },
        kind: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    lang = values.lang;
    const [command, ...rest] = positionals;
    if (values.help && command === 'script') {
      out.write(scriptHelp());
      return 0;
    }
    if (values.help && command === 'letter') {
      out.write(letterHelp());
      return 0;
    }
    if (values.help || !command) {
      out.write(USAGE);
      return values.help ? 0 : 2;
    }
    if (!values.db) throw new UsageError('--db FILE is required');
    if (isSafetyCommand(command) && !isReportExport(command, rest))
      return await runSafety(command, rest, { db: values.db, out: values.out, lang: values.lang }, out, err);
    const clock = values.today ? fixedClock(`${date(values.today, '--today')}T12:00:00.000Z`) : systemClock();
    core = await openCore(values.db, { clock, ...(values.lang ? { locale: values.lang } : {}) });
    const c = core;

    switch (command) {
      case 'demo': {
        const r = await c.call('demo.load', {
          clients: int(values.clients, 40, '--clients'),
          invoices: int(values.invoices, 400, '--invoices'),
          seed: int(values.seed, 1, '--seed'),
          today: clock.today(),
        });
        out.write(`demo: ${r.clients} clients, ${r.invoices} invoices, ${r.payments} payments\n`);
        return 0;
      }
      case 'aging': {
        if (values.by !== undefined && values.by !== 'client') return await runAgingBy(c, values, out);
        const asOf = values['as-of'] ? date(values['as-of'], '--as-of') : clock.today();
        const format = (values.format ?? 'table') as AgingFormat;
        if (!['table', 'csv', 'json'].includes(format)) throw new UsageError('--format must be table, csv or json');
        const basis = values.basis ?? 'due';
        if (basis !== 'due' && basis !== 'issue') throw new UsageError('--basis must be due or issue');
        const bounds = values.buckets ? values.buckets.split(',').map((s) => Number(s.trim())) : undefined;
        const report = await c.call('aging.report', { asOf, basis, ...(bounds ? { bounds } : {}) });
        out.write(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : format === 'csv' ? agingToCsv(report) : agingToTable(report));
        return 0;
      }
      case 'kpis':
        return await runKpis(c, values, out);
      case 'plan':
        return await runPlan(c, rest, values, out);
      case 'script':
        return await runScript(c, values, out);
      case 'letter':
        return await runLetter(c, values, out);
      case 'statement':
        return await runStatement(c, values, out);
      case 'export':
        return await runExport(c, rest, values, out);
      case 'import': {
        const [kind, file] = rest;
        if (kind !== 'clients' && kind !== 'invoices' && kind !== 'payments') throw new UsageError('import needs clients, invoices or payments');
        if (!file) throw new UsageError('import needs a FILE');
        return await runImport(c, kind, file, values, out, err);
      }
      case 'backup': {
        const [dest] = rest;
        if (!dest) throw new UsageError('backup needs OUT');
        const r = await backupTo(c.ctx, dest);
        out.write(`backup: ${r.file} (${r.bytes} bytes, integrity ok)\n`);
        return 0;
      }
      case 'policy':
        return await (await import('./workflow')).runPolicy(c, rest, out);
      case 'worklist':
        return await (await import('./workflow')).runWorklist(c, values, out);
      case 'promise':
        return await (await import('./workflow')).runPromiseAdd(c, rest, values, out);
      case 'promises':
        return await (await import('./workflow')).runPromises(c, values, out);
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (e) {
    // messages in the book's language, or the shell's when no book could be opened
    const locale = lang ?? core?.ctx.locale ?? process.env.LANG ?? 'es';
    const apiError = (e as { apiError?: { message: string } }).apiError;
    const msg =
      apiError?.message ??
      (e instanceof UsageError
        ? `${e.message} (see cartera --help)`
        : e instanceof CarteraError
          ? toApiError(locale, e).message
          : e instanceof Error
            ? e.message
            : String(e));
    err.write(`cartera: ${msg.replace(/\s*\n\s*/g, ' ')}\n`);
    return e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  } finally {
    await core?.close();
  }
}

function int(v: string | undefined, dflt: number, flag: string): number {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v)) throw new UsageError(`${flag} must be a whole number`);
  return Number(v);
}

function date(v: string, flag: string): string {
  if (!isIsoDate(v)) throw new UsageError(`${flag} must be a date YYYY-MM-DD`);
  return v;
}

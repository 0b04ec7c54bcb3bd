import type { Core } from '../app';

/** Placeholder wiring for `cartera import`; the importer lives in this folder (see issue #3). */
export async function runImport(
  _core: Core,
  kind: 'clients' | 'invoices' | 'payments',
  file: string,
  _values: Record<string, unknown>,
  _out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  err.write(`cartera: import of ${kind} from ${file} is not available yet\n`);
  return 1;
}

import type { Core } from '#core/app';
import type { ImportPreview, ImportReport } from '#shared/contract/imports';
import type { ApiError } from '#shared/contract/index';
import { csv } from '../../fixtures/imports/book';

type Kind = 'clients' | 'invoices' | 'payments';
type Extra = { partial?: boolean; dryRun?: boolean; options?: Record<string, unknown> };

/** imports.run through dispatch, as the app calls it: the report, or the typed error. */
export async function runImport(core: Core, kind: Kind, content: string | Uint8Array, extra: Extra = {}): Promise<{ report?: ImportReport; error?: ApiError }> {
  const r = await core.dispatch('imports.run', { kind, fileName: `${kind}.csv`, dataBase64: Buffer.from(content).toString('base64'), ...extra });
  return r.ok ? { report: r.data as ImportReport } : { error: r.error };
}

export async function previewImport(core: Core, kind: Kind, content: string | Uint8Array, options?: Record<string, unknown>): Promise<ImportPreview> {
  return (await core.call('imports.preview', {
    kind,
    fileName: `${kind}.csv`,
    dataBase64: Buffer.from(content).toString('base64'),
    ...(options ? { options } : {}),
  } as never)) as ImportPreview;
}

/** Two clients (PEN, terms 30) every invoice and payment test starts from. */
export async function withClients(core: Core): Promise<void> {
  const r = await runImport(
    core,
    'clients',
    csv([
      ['code', 'name', 'payment_terms_days'],
      ['C1', 'Comercial Andina S.A.C.', '30'],
      ['C2', 'Ferretería Ñandú', '0'],
    ]),
  );
  if (r.report?.counts.created !== 2) throw new Error(`setup failed: ${JSON.stringify(r)}`);
}

export const reasons = (r: ImportReport | undefined) => r?.rejects.map((x) => [x.line, x.reason]);

import type { ApiResult } from '#shared/contract/index';
import { runImport } from '#shared/contract/imports';
import { translate } from '#shared/i18n/index';
import type { Ctx } from '../context';
import { backupNow } from './auto';

/**
 * Before an import from the app writes anything, a verified copy of the book goes to the backup folder
 * ('pre-import', never rotated away): thousands of rows in one click deserve one click back.
 * Dry runs and input the core will refuse anyway make no copy. Returns the refusal when the copy
 * fails, so the import does not run without its safety net; null to go ahead.
 */
export async function copyBeforeImport(ctx: Ctx, input: unknown): Promise<ApiResult<unknown> | null> {
  const parsed = runImport.input.safeParse(input ?? {});
  if (!parsed.success || parsed.data.dryRun) return null;
  try {
    await backupNow(ctx, null, 'pre-import');
    return null;
  } catch (e) {
    const params = { detail: (e instanceof Error ? e.message : String(e)).slice(0, 200) };
    return {
      ok: false,
      error: { code: 'internal', key: 'error.backup.pre_import_failed', params, message: translate(ctx.locale, 'error.backup.pre_import_failed', params) },
    };
  }
}

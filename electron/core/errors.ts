import type { ErrorCode } from '#shared/contract/index';
import type { MessageKey } from '#shared/i18n/index';

/**
 * The one exception type services throw on purpose. It carries a catalogue key, not a sentence:
 * dispatch() renders it in the user's language. Anything else thrown is a bug and becomes 'internal'.
 */
export class CarteraError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code}: ${key} ${JSON.stringify(params)}`);
    this.name = 'CarteraError';
  }
}

export const notFound = (entity: 'client' | 'invoice' | 'payment', id: number | string) => new CarteraError('not_found', `error.not_found.${entity}`, { id });

/** Every failure that crosses the API is one of these; the message is already in the user's language. */
export type ErrorCode =
  | 'validation' // the input does not pass the operation's schema or a business rule on its fields
  | 'not_found' // an id that does not exist
  | 'conflict' // a duplicate (client code, invoice number…)
  | 'invalid_state' // the operation is not allowed now (void a voided payment, overpay an invoice…)
  | 'unknown_method'
  | 'database' // the file is corrupt, locked, newer than this app…
  | 'internal';

export type ApiIssue = { path: string; key: string; message: string };

export type ApiError = {
  code: ErrorCode;
  /** message catalogue key, so each UI can re-render it in its own language */
  key: string;
  params?: Record<string, string | number>;
  message: string;
  issues?: ApiIssue[];
};

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export function isApiError(x: unknown): x is ApiError {
  return typeof x === 'object' && x !== null && typeof (x as ApiError).code === 'string' && typeof (x as ApiError).key === 'string';
}

import type http from 'node:http';
import { MAX_IMPORT_BASE64, MAX_IMPORT_BYTES } from '#shared/contract/imports';

/**
 * The one limit on a request body: the largest import the contract accepts (base64 on the wire) plus
 * room for the JSON around it. No other operation takes anything near that size.
 */
export const MAX_BODY_BYTES = MAX_IMPORT_BASE64 + 64 * 1024;
/** What the limit means to a user: the largest file, in MB, as the import messages state it. */
export const MAX_BODY_FILE_MB = MAX_IMPORT_BYTES / (1024 * 1024);

export type Body = { ok: true; text: string } | { ok: false; tooLarge: true };

/**
 * Reads a body as it streams in, holding at most MAX_BODY_BYTES. A larger one is drained without being
 * kept, so the client still receives our answer instead of a reset connection. Only authenticated
 * requests get this far, so draining cannot be used by strangers to keep the server busy.
 */
export function readBody(req: http.IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    let chunks: Buffer[] | null = declared > MAX_BODY_BYTES ? null : [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) chunks = null;
      else chunks?.push(c);
    });
    req.on('end', () => resolve(chunks ? { ok: true, text: Buffer.concat(chunks).toString('utf8') } : { ok: false, tooLarge: true }));
    req.on('error', reject);
  });
}

const guarded = new WeakSet<NodeJS.WritableStream>();

/**
 * `cartera aging … | head`: once the reader has gone, a write fails with EPIPE and Node would throw
 * it as an unhandled 'error' event (a stack trace and status 1). Output nobody reads is not a failure:
 * the command's work (and any write to the book) still finishes normally and the exit status is the
 * command's own. Any other stream error is rethrown as before.
 */
export function ignoreBrokenPipe(...streams: NodeJS.WritableStream[]): void {
  for (const stream of streams) {
    if (guarded.has(stream)) continue;
    guarded.add(stream);
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    });
  }
}

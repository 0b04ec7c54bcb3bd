import { PassThrough } from 'node:stream';
import { main } from '#core/cli/main';

/** Runs one `cartera` invocation in-process and captures what it prints and its exit code. */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const code = await main(args, out, err);
  return { code, stdout, stderr };
}

import type { z } from 'zod';

/**
 * One API operation: its name (`domain.verb`), the zod schema its input must pass, and (as a phantom
 * type) its result. The contract is the list of these; the core must give each exactly one handler.
 */
export type Op<N extends string = string, I extends z.ZodType = z.ZodType, O = unknown> = {
  readonly name: N;
  readonly input: I;
  /** true when the operation changes data; used by transports and audit checks */
  readonly writes: boolean;
  /**
   * true when what every screen shows may have changed after a success: every write, plus the host
   * operations that swap the data file (a restore) without being transactional writes themselves.
   */
  readonly changesData: boolean;
  readonly __output?: O;
};

/** `op<Result>()('clients.create', schema, { writes: true })`: the result type is given, name and input inferred. */
export function op<O>() {
  return <N extends string, I extends z.ZodType>(name: N, input: I, opts: { writes: boolean; replacesData?: boolean }): Op<N, I, O> => ({
    name,
    input,
    writes: opts.writes,
    changesData: opts.writes || opts.replacesData === true,
  });
}

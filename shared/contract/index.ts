import type { z } from 'zod';
import type { Op } from './op';
import { settingsOps } from './settings';
import { clientOps } from './clients';
import { invoiceOps } from './invoices';
import { paymentOps } from './payments';
import { agingOps } from './aging';
import { reportOps } from './reports';
import { systemOps } from './system';
import { activityOps } from './activity';
import { recoveryOps } from './recovery';
import { backupOps } from './backups';
import { auditOps } from './audit';
import { importOps } from './imports';
import { planOps } from './plans';
import { scriptOps } from './scripts';
import { bookOps } from './books';
import { policyOps } from './policy';
import { workflowOps } from './workflow';
import { letterOps } from './letters';

export * from './errors';
export type { Op } from './op';

/** Every operation of the API, once. A test fails if two share a name or one lacks a handler. */
export const operations = [
  ...settingsOps,
  ...clientOps,
  ...invoiceOps,
  ...paymentOps,
  ...agingOps,
  ...reportOps,
  ...systemOps,
  ...activityOps,
  ...backupOps,
  ...auditOps,
  ...importOps,
  ...recoveryOps,
  ...bookOps,
  ...planOps,
  ...scriptOps,
  ...policyOps,
  ...workflowOps,
  ...letterOps,
] as const;

type AnyOp = (typeof operations)[number];
export type Contract = { [O in AnyOp as O['name']]: O };
export type Method = keyof Contract;
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<Contract[M]['input']>;
export type OutputOf<M extends Method> = Contract[M] extends Op<string, z.ZodType, infer O> ? O : never;

export const contract: Contract = Object.fromEntries(operations.map((o) => [o.name, o])) as unknown as Contract;

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

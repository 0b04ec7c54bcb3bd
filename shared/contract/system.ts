import { z } from 'zod';
import { op } from './op';
import { empty } from './schemas';

export type SystemInfo = {
  appVersion: string;
  schemaVersion: number;
  file: string;
  counts: { clients: number; invoices: number; payments: number };
  /** the book was opened read-only (the file cannot be written): the renderer shows a banner */
  readOnly: boolean;
  /** the last automatic or manual backup failed and none has succeeded since */
  backupFailing: boolean;
};

export type DemoResult = { clients: number; invoices: number; payments: number };

export const systemInfo = op<SystemInfo>()('system.info', empty, { writes: false });

export const loadDemo = op<DemoResult>()(
  'demo.load',
  z
    .object({
      clients: z.number().int().min(1).max(100_000).default(40),
      invoices: z.number().int().min(0).max(5_000_000).default(400),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1)
        .default(1),
      /** the date the demo book is built around; default today */
      today: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    })
    .strict(),
  { writes: true },
);

export const systemOps = [systemInfo, loadDemo] as const;

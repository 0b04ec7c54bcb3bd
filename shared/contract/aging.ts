import { z } from 'zod';
import { op } from './op';
import { isoDate } from './schemas';
import { isValidBounds, type AgingReport } from '../domain/aging';

export const agingReport = op<AgingReport>()(
  'aging.report',
  z
    .object({
      asOf: isoDate,
      basis: z.enum(['due', 'issue']).default('due'),
      bounds: z.array(z.number().int()).refine(isValidBounds, { error: 'validation.buckets' }).optional(),
    })
    .strict(),
  { writes: false },
);

export const agingOps = [agingReport] as const;

import { z } from 'zod';
import { LETTER_KINDS } from '../domain/letters/kinds';
import type { Cents } from '../domain/money';
import { op } from './op';
import { id, isoDate } from './schemas';

/** The figures a letter states, per currency (`cartera letter --json`; public shape: keep the names). */
export type LetterFiguresJson = {
  clientCode: string;
  currency: string;
  date: string;
  annualPct: number;
  overdue: Cents;
  interest: Cents;
  fees: Cents;
  total: Cents;
  invoices: { number: string; balance: Cents; daysLate: number; interest: Cents; fee: Cents }[];
};

export type GeneratedLetter = { documentId: number; fileName: string; sha256: string; bytes: number; figures: LetterFiguresJson[] };

export const letterKind = z.enum(LETTER_KINDS, { error: 'validation.letter.kind' });

export const generateLetterOp = op<GeneratedLetter>()(
  'letters.generate',
  z.object({ clientId: id, kind: letterKind, date: isoDate.optional(), language: z.enum(['es', 'en']).optional() }).strict(),
  { writes: true },
);

export type GeneratedStatement = {
  documentId: number;
  fileName: string;
  sha256: string;
  bytes: number;
  currencies: { currency: string; broughtForward: Cents; closing: Cents; lines: number; aging: Cents[]; unapplied: Cents }[];
};

export const generateStatementOp = op<GeneratedStatement>()(
  'statements.generate',
  z
    .object({ clientId: id, from: isoDate, to: isoDate, language: z.enum(['es', 'en']).optional() })
    .strict()
    .refine((v) => v.from <= v.to, { error: 'validation.statement.period', path: ['from'] }),
  { writes: true },
);

export const letterOps = [generateLetterOp, generateStatementOp] as const;

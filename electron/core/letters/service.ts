import { createHash } from 'node:crypto';
import type { ParsedInputOf } from '#shared/contract/index';
import type { GeneratedLetter, GeneratedStatement } from '#shared/contract/letters';
import { formatDate } from '#shared/domain/dates';
import { formatMoney } from '#shared/domain/money';
import { DEMAND_KINDS, type LetterKind } from '#shared/domain/letters/kinds';
import { LETTER_VARIABLES, type LetterVariables } from '#shared/domain/letters/variables';
import { renderTemplate } from '#shared/domain/templates/render';
import { languageOf, translate } from '#shared/i18n/index';
import { audit } from '../audit';
import { inTransaction, nowIso, type Ctx } from '../context';
import { CarteraError, notFound } from '../errors';
import { getPolicy } from '../workflow/policy';
import { letterFigures, type LetterFigures } from './figures';
import type { LetterLayout } from './pdf';
import { defaultLetterTemplates } from './templates';
import { statementOf } from './statement';

const DEADLINE_DAYS: Partial<Record<LetterKind, number>> = { second_notice: 10, final_notice: 7, pre_legal: 15 };

function joinMoney(figs: readonly LetterFigures[], pick: (f: LetterFigures) => number, locale: string): string {
  const parts = figs.filter((f) => pick(f) > 0).map((f) => formatMoney(pick(f), f.currency, locale));
  return parts.join(' + ');
}

/** Lays out one client's letter of a kind as of a date: the figures, the filled template and the parties. */
export async function layoutLetter(
  ctx: Ctx,
  clientId: number,
  kind: LetterKind,
  date: string,
  language: 'es' | 'en',
): Promise<{ layout: LetterLayout; figures: LetterFigures[]; clientCode: string }> {
  const locale = languageOf(ctx.locale) === language ? ctx.locale : language;
  const client = await ctx.db.selectFrom('clients').select(['id', 'code', 'name', 'taxId', 'address']).where('id', '=', clientId).executeTakeFirst();
  if (!client) throw notFound('client', clientId);
  const [company, contact, promise, policy, all] = await Promise.all([
    ctx.db.selectFrom('companySettings').select(['name', 'taxId', 'address']).where('id', '=', 1).executeTakeFirst(),
    ctx.db.selectFrom('contacts').select('name').where('clientId', '=', clientId).orderBy('id').executeTakeFirst(),
    ctx.db.selectFrom('promises').select(['amount', 'currency', 'promisedDate']).where('clientId', '=', clientId).orderBy('id', 'desc').executeTakeFirst(),
    getPolicy(ctx),
    letterFigures(ctx, clientId, date),
  ]);
  const demands = DEMAND_KINDS.includes(kind) || kind === 'plan_agreement';
  if (demands && !all.some((f) => f.invoices.length)) throw new CarteraError('invalid_state', 'error.letter.nothing_due', { client: client.code, date });
  if (kind === 'no_debt') {
    const open = await ctx.db
      .selectFrom('invoices')
      .select(['currency', ctx.db.fn.sum<number>('openAmount').as('open')])
      .where('clientId', '=', clientId)
      .where('voidedAt', 'is', null)
      .where('openAmount', '>', 0)
      .groupBy('currency')
      .execute();
    if (open.length)
      throw new CarteraError('invalid_state', 'error.letter.has_debt', {
        client: client.code,
        amount: open.map((o) => formatMoney(Number(o.open), o.currency, locale)).join(' + '),
      });
  }
  const figures = demands ? all : [];
  const rates = [...new Set(figures.filter((f) => f.interest > 0).map((f) => f.annualPct))];
  const vars: LetterVariables = {
    company: { name: company?.name ?? '', taxId: company?.taxId ?? '' },
    client: { name: client.name, code: client.code, taxId: client.taxId ?? '' },
    contact: { name: contact?.name ?? '' },
    today: formatDate(date, locale),
    overdue: { total: joinMoney(figures, (f) => f.overdue, locale) },
    interest: {
      total: joinMoney(figures, (f) => f.interest, locale),
      method: rates.map((r) => translate(locale, 'letter.interest_method_short', { rate: r })).join('; '),
    },
    fees: { total: joinMoney(figures, (f) => f.fees, locale) },
    total: joinMoney(figures, (f) => f.total, locale),
    deadline: { days: String(DEADLINE_DAYS[kind] ?? 10) },
    payment: { methods: policy.paymentMethods.map((p) => p.name).join(', ') },
    promise: promise
      ? { amount: formatMoney(promise.amount, promise.currency, locale), date: formatDate(promise.promisedDate, locale) }
      : { amount: '', date: '' },
  };
  const template = defaultLetterTemplates()[kind][language];
  const data = vars as unknown as Record<string, unknown>;
  const subject = renderTemplate(template.subject, data, LETTER_VARIABLES);
  const body = renderTemplate(template.body, data, LETTER_VARIABLES);
  if (!subject.ok || !body.ok)
    throw new CarteraError('validation', 'error.letter.template', { problem: (!subject.ok ? subject.problem : !body.ok ? body.problem : { kind: '' }).kind });
  const layout: LetterLayout = {
    locale,
    company: { name: company?.name ?? '', taxId: company?.taxId ?? null, address: company?.address ?? null },
    client: { name: client.name, taxId: client.taxId, address: client.address, attention: contact?.name ?? null },
    date,
    subject: subject.text,
    body: body.text,
    figures,
    paymentMethods: policy.paymentMethods,
  };
  return { layout, figures, clientCode: client.code };
}

/**
 * Generates a letter as PDF and keeps it: the exact bytes go into `documents` (so what was sent can be
 * shown again after the template changes), with an audit entry; it then appears on the client's timeline.
 */
export async function generateLetter(ctx: Ctx, input: ParsedInputOf<'letters.generate'>): Promise<GeneratedLetter> {
  const date = input.date ?? ctx.clock.today();
  const language = input.language ?? languageOf(ctx.locale);
  const { layout, figures, clientCode } = await layoutLetter(ctx, input.clientId, input.kind, date, language);
  const fileName = `${input.kind}-${clientCode}-${date}.pdf`;
  const kept = await keepPdf(ctx, input.clientId, `letter.${input.kind}`, layout, fileName, { kind: input.kind, date });
  return {
    ...kept,
    figures: figures.map(({ disputed: _d, ...f }) => ({
      ...f,
      invoices: f.invoices.map((l) => ({ number: l.number, balance: l.balance, daysLate: l.daysLate, interest: l.interest, fee: l.fee })),
    })),
  };
}

/** Renders a layout to PDF and keeps the exact bytes as the client's document, with an audit entry. */
async function keepPdf(ctx: Ctx, clientId: number, templateKey: string, layout: LetterLayout, fileName: string, about: Record<string, string>) {
  const { letterPdf } = await import('./pdf'); // pdfmake loads on first use
  const pdf = await letterPdf([layout]);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  return inTransaction(ctx, async (trx) => {
    const doc = await trx.db
      .insertInto('documents')
      .values({ clientId, kind: 'letter', templateKey, title: layout.subject, fileName, mime: 'application/pdf', content: pdf, sha256, createdAt: nowIso(trx) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, { entity: 'document', entityId: doc.id, action: `${templateKey.split('.')[0]}.generate`, after: { ...about, fileName, sha256 } });
    return { documentId: doc.id, fileName, sha256, bytes: pdf.length };
  });
}

/** A statement of account for a period, per currency, as a kept PDF document. */
export async function generateStatement(ctx: Ctx, input: ParsedInputOf<'statements.generate'>): Promise<GeneratedStatement> {
  const language = input.language ?? languageOf(ctx.locale);
  const { layout, clientCode } = await layoutLetter(ctx, input.clientId, 'statement', input.to, language);
  const statements = await statementOf(ctx, input.clientId, input.from, input.to);
  const { statementBlocks } = await import('./statementPdf');
  layout.extra = statementBlocks(statements, layout.locale);
  const fileName = `statement-${clientCode}-${input.from}-${input.to}.pdf`;
  const kept = await keepPdf(ctx, input.clientId, 'statement.account', layout, fileName, { from: input.from, to: input.to });
  return {
    ...kept,
    currencies: statements.map((s) => ({
      currency: s.currency,
      broughtForward: s.broughtForward,
      closing: s.closing,
      lines: s.lines.length,
      aging: s.aging.buckets,
      unapplied: s.aging.unapplied,
    })),
  };
}

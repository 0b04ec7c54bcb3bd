/** The letters Cartera ships a template for; each has an `es` and an `en` default in resources/letters. */
export const LETTER_KINDS = [
  'courtesy_reminder',
  'first_reminder',
  'second_notice',
  'final_notice',
  'pre_legal',
  'promise_confirmation',
  'plan_agreement',
  'thank_you',
  'statement',
  'no_debt',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** Kinds that demand payment: they state interest and fees and leave disputed amounts out. */
export const DEMAND_KINDS: readonly LetterKind[] = ['first_reminder', 'second_notice', 'final_notice', 'pre_legal'];

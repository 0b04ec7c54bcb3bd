/** What a letter template may say; the core fills every value as text in the letter's locale. */
export const LETTER_VARIABLES = [
  'company.name',
  'company.taxId',
  'client.name',
  'client.code',
  'client.taxId',
  'contact.name',
  'today',
  'overdue.total',
  'interest.total',
  'interest.method',
  'fees.total',
  'total',
  'deadline.days',
  'payment.methods',
  'promise.amount',
  'promise.date',
] as const;

export type LetterVariables = {
  company: { name: string; taxId: string };
  client: { name: string; code: string; taxId: string };
  contact: { name: string };
  today: string;
  overdue: { total: string };
  interest: { total: string; method: string };
  fees: { total: string };
  total: string;
  deadline: { days: string };
  payment: { methods: string };
  promise: { amount: string; date: string };
};

/**
 * The longest free text each field takes, in characters, as the contract's zod schemas enforce it.
 * The forms state these limits and count towards them; test/renderer/longText.test.tsx checks that
 * every number here is the one the schema refuses beyond.
 */
export const TEXT_LIMITS = {
  clientNotes: 5000,
  address: 500,
  invoiceDescription: 500,
  voidReason: 500,
  creditNoteReason: 500,
  disputeReason: 1000,
  disputeResolution: 1000,
} as const;

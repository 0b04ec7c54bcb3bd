/** An invoice's number as printed: "F001-123", or just "123" when it has no series (never "-123"). */
export function documentNumber(doc: { series?: string | null; number: string }): string {
  return doc.series ? `${doc.series}-${doc.number}` : doc.number;
}

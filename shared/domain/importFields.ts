/**
 * The fields an import file can fill, per kind, and how a spreadsheet's header names them. Matching is
 * on a folded form (case, accents, punctuation ignored) so "Fecha de Emisión", "FECHA_EMISION" and
 * "fecha emision" are the same header. Canonical names (issue #2) are the English entries.
 */
export type ImportKind = 'clients' | 'invoices' | 'payments';
export const IMPORT_KINDS: readonly ImportKind[] = ['clients', 'invoices', 'payments'];

export type FieldType = 'text' | 'date' | 'money' | 'int' | 'currency';

export type FieldDef = {
  field: string;
  type: FieldType;
  /** the row is rejected when this is empty; a missing column is a file-level error */
  required?: boolean;
  /** at least one field of the group must be mapped (a client is found by code or by tax id) */
  oneOf?: 'client';
  max?: number;
  en: readonly string[];
  es: readonly string[];
};

const TAX_ID_ES = [
  'ruc',
  'rfc',
  'nit',
  'rut',
  'cuit',
  'cuil',
  'nif',
  'dni',
  'ruc dni',
  'ruc cliente',
  'rut cliente',
  'nit cliente',
  'rfc cliente',
  'cuit cliente',
  'documento de identidad',
  'identificacion',
  'identificacion tributaria',
];
const TAX_ID_EN = ['tax id', 'tax number', 'vat', 'vat number', 'taxpayer id', 'client tax id', 'customer tax id'];
const CLIENT_CODE_EN = ['client code', 'customer code', 'client', 'customer', 'client id', 'customer id', 'account', 'account code'];
const CLIENT_CODE_ES = ['codigo cliente', 'codigo de cliente', 'cod cliente', 'cliente', 'id cliente', 'codigo', 'cod'];
const CURRENCY = { en: ['currency', 'ccy', 'cur'], es: ['moneda', 'divisa', 'tipo de moneda', 'mon'] };

export const IMPORT_FIELDS: Record<ImportKind, readonly FieldDef[]> = {
  clients: [
    {
      field: 'code',
      type: 'text',
      required: true,
      max: 40,
      en: ['code', 'client code', 'customer code', 'client id', 'customer id', 'id', 'account'],
      es: ['codigo', 'codigo cliente', 'codigo de cliente', 'cod cliente', 'cod', 'id cliente'],
    },
    {
      field: 'name',
      type: 'text',
      required: true,
      max: 200,
      en: ['name', 'client', 'customer', 'client name', 'customer name', 'company', 'company name', 'legal name'],
      es: ['razon social', 'cliente', 'nombre', 'nombre cliente', 'nombre del cliente', 'nombre o razon social', 'denominacion', 'empresa'],
    },
    { field: 'tax_id', type: 'text', max: 40, en: TAX_ID_EN, es: TAX_ID_ES },
    {
      field: 'email',
      type: 'text',
      max: 254,
      en: ['email', 'e mail', 'mail', 'email address'],
      es: ['correo', 'correo electronico', 'email cobranza', 'correo de cobranza'],
    },
    {
      field: 'phone',
      type: 'text',
      max: 40,
      en: ['phone', 'telephone', 'mobile', 'phone number', 'cell'],
      es: ['telefono', 'celular', 'movil', 'tel', 'telf', 'whatsapp', 'numero de telefono'],
    },
    { field: 'address', type: 'text', max: 500, en: ['address', 'billing address'], es: ['direccion', 'domicilio', 'domicilio fiscal', 'direccion fiscal'] },
    {
      field: 'segment',
      type: 'text',
      max: 60,
      en: ['segment', 'category', 'sector', 'industry'],
      es: ['segmento', 'rubro', 'categoria', 'tipo de cliente', 'tipo cliente'],
    },
    {
      field: 'credit_limit',
      type: 'money',
      en: ['credit limit', 'credit line'],
      es: ['limite de credito', 'limite credito', 'linea de credito', 'linea credito'],
    },
    {
      field: 'payment_terms_days',
      type: 'int',
      en: ['payment terms days', 'payment terms', 'terms', 'terms days', 'credit days', 'days'],
      es: ['plazo', 'plazo de pago', 'dias de credito', 'dias credito', 'condicion de pago', 'dias de plazo', 'dias plazo', 'dias'],
    },
  ],
  invoices: [
    { field: 'client_code', type: 'text', oneOf: 'client', en: CLIENT_CODE_EN, es: CLIENT_CODE_ES },
    { field: 'client_tax_id', type: 'text', oneOf: 'client', en: TAX_ID_EN, es: TAX_ID_ES },
    { field: 'series', type: 'text', max: 20, en: ['series', 'invoice series'], es: ['serie', 'serie factura', 'serie comprobante'] },
    {
      field: 'number',
      type: 'text',
      required: true,
      max: 40,
      en: ['number', 'invoice number', 'invoice', 'invoice no', 'no', 'document number'],
      es: [
        'numero',
        'nro',
        'n',
        'num',
        'factura',
        'nro factura',
        'n factura',
        'no factura',
        'numero factura',
        'numero de factura',
        'comprobante',
        'nro comprobante',
        'numero de comprobante',
        'numero comprobante',
        'documento',
      ],
    },
    {
      field: 'issue_date',
      type: 'date',
      required: true,
      en: ['issue date', 'issued', 'issued on', 'invoice date', 'date issued'],
      es: ['fecha de emision', 'fecha emision', 'emision', 'f emision', 'fecha factura', 'fecha de factura', 'fecha documento', 'fecha'],
    },
    {
      field: 'due_date',
      type: 'date',
      en: ['due date', 'due', 'due on'],
      es: ['fecha de vencimiento', 'fecha vencimiento', 'vencimiento', 'f vencimiento', 'vence', 'fecha vcto', 'vcto'],
    },
    { field: 'currency', type: 'currency', en: CURRENCY.en, es: CURRENCY.es },
    {
      field: 'amount',
      type: 'money',
      required: true,
      en: ['amount', 'total', 'invoice amount', 'total amount', 'amount due', 'value'],
      es: ['importe', 'monto', 'importe total', 'monto total', 'total factura', 'valor', 'valor total'],
    },
    {
      field: 'description',
      type: 'text',
      max: 500,
      en: ['description', 'details', 'notes', 'concept'],
      es: ['descripcion', 'concepto', 'detalle', 'glosa', 'observaciones', 'observacion'],
    },
  ],
  payments: [
    { field: 'client_code', type: 'text', oneOf: 'client', en: CLIENT_CODE_EN, es: CLIENT_CODE_ES },
    { field: 'client_tax_id', type: 'text', oneOf: 'client', en: TAX_ID_EN, es: TAX_ID_ES },
    {
      field: 'invoice_number',
      type: 'text',
      max: 61,
      en: ['invoice number', 'invoice', 'invoice no', 'applied to'],
      es: [
        'factura',
        'nro factura',
        'n factura',
        'no factura',
        'numero factura',
        'numero de factura',
        'comprobante',
        'nro comprobante',
        'documento',
        'factura aplicada',
      ],
    },
    {
      field: 'date',
      type: 'date',
      required: true,
      en: ['date', 'payment date', 'paid on', 'date paid'],
      es: ['fecha de pago', 'fecha pago', 'fecha', 'fecha de abono', 'fecha deposito', 'fecha de deposito'],
    },
    {
      field: 'amount',
      type: 'money',
      required: true,
      en: ['amount', 'amount paid', 'paid', 'payment', 'total', 'value'],
      es: ['importe', 'monto', 'monto pagado', 'importe pagado', 'pago', 'abono', 'total', 'valor'],
    },
    { field: 'currency', type: 'currency', en: CURRENCY.en, es: CURRENCY.es },
    {
      field: 'method',
      type: 'text',
      max: 40,
      en: ['method', 'payment method', 'paid by', 'type'],
      es: ['medio de pago', 'forma de pago', 'medio', 'forma pago', 'metodo de pago', 'metodo', 'tipo de pago', 'via de pago'],
    },
    {
      field: 'reference',
      type: 'text',
      max: 80,
      en: ['reference', 'ref', 'transaction', 'transaction id', 'receipt'],
      es: [
        'referencia',
        'operacion',
        'nro operacion',
        'n operacion',
        'no operacion',
        'numero de operacion',
        'numero operacion',
        'voucher',
        'recibo',
        'nro recibo',
      ],
    },
  ],
};

/** field → column index (0-based) in the header row; absent fields are not in the file. */
export type ImportMapping = Record<string, number>;

export function fieldsOf(kind: ImportKind): readonly FieldDef[] {
  return IMPORT_FIELDS[kind];
}

export function fieldDef(kind: ImportKind, field: string): FieldDef | undefined {
  return IMPORT_FIELDS[kind].find((f) => f.field === field);
}

/** "Fecha de Emisión:" → "fecha de emision"; "Nº Factura" → "no factura"; "client_code" → "client code". */
export function foldHeader(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

type Lexicon = Map<string, { field: string; lang: 'en' | 'es' }>;
const lexicons = new Map<ImportKind, Lexicon>();

function lexicon(kind: ImportKind): Lexicon {
  let lex = lexicons.get(kind);
  if (lex) return lex;
  lex = new Map();
  for (const f of IMPORT_FIELDS[kind]) {
    // the canonical name first, so it always wins over a synonym another field also claims
    lex.set(foldHeader(f.field), { field: f.field, lang: 'en' });
  }
  for (const f of IMPORT_FIELDS[kind]) {
    for (const s of f.en) if (!lex.has(foldHeader(s))) lex.set(foldHeader(s), { field: f.field, lang: 'en' });
    for (const s of f.es) if (!lex.has(foldHeader(s))) lex.set(foldHeader(s), { field: f.field, lang: 'es' });
  }
  lexicons.set(kind, lex);
  return lex;
}

/** Maps header cells to fields: each field takes the first column naming it, each column one field. */
export function matchHeaders(kind: ImportKind, headers: readonly string[]): ImportMapping {
  const lex = lexicon(kind);
  const mapping: ImportMapping = {};
  headers.forEach((h, i) => {
    const hit = lex.get(foldHeader(h));
    if (hit && !(hit.field in mapping)) mapping[hit.field] = i;
  });
  return mapping;
}

/** Whether most header words are Spanish; used only to pick the default day-first reading of dates. */
export function headersLookSpanish(kind: ImportKind, headers: readonly string[], mapping: ImportMapping): boolean {
  const lex = lexicon(kind);
  let es = 0;
  let en = 0;
  for (const i of Object.values(mapping)) {
    const hit = lex.get(foldHeader(headers[i] ?? ''));
    if (hit?.lang === 'es') es++;
    else if (hit) en++;
  }
  return es > en;
}

/** Fields the file must have but the mapping lacks (a group counts as one: "client_code|client_tax_id"). */
export function missingFields(kind: ImportKind, mapping: ImportMapping): string[] {
  const missing: string[] = [];
  const fields = IMPORT_FIELDS[kind];
  for (const f of fields) if (f.required && !(f.field in mapping)) missing.push(f.field);
  const group = fields.filter((f) => f.oneOf === 'client');
  if (group.length > 0 && !group.some((f) => f.field in mapping)) missing.unshift(group.map((f) => f.field).join('|'));
  return missing;
}

/** A mapping given by a caller: only known fields, column indexes inside the header, no column used twice. */
export function checkMapping(
  kind: ImportKind,
  mapping: Record<string, number | null>,
  columns: number,
): { ok: true; mapping: ImportMapping } | { ok: false; detail: string } {
  const out: ImportMapping = {};
  const used = new Set<number>();
  for (const [field, col] of Object.entries(mapping)) {
    if (!fieldDef(kind, field)) return { ok: false, detail: `unknown field ${field}` };
    if (col === null) continue;
    if (!Number.isInteger(col) || col < 0 || col >= columns) return { ok: false, detail: `${field}: no column ${col + 1}` };
    if (used.has(col)) return { ok: false, detail: `column ${col + 1} is mapped twice` };
    used.add(col);
    out[field] = col;
  }
  return { ok: true, mapping: out };
}

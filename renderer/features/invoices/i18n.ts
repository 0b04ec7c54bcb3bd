import { mergeCatalogue } from '#shared/i18n/index';
import { useFeatureT } from '../../components/featureT';

const en = {
  'ui.inv.title': 'Invoices',
  'ui.inv.count': '{count, plural, one {# invoice} other {# invoices}}',
  'ui.inv.search': 'Search number, client or description… (/)',
  'ui.inv.status': 'Status',
  'ui.inv.anyStatus': 'Any status',
  'ui.inv.status.unpaid': 'Unpaid (open or overdue)',
  'ui.inv.anyCurrency': 'Any currency',
  'ui.inv.from': 'Issued from',
  'ui.inv.to': 'Issued to',
  'ui.inv.client': 'Client',
  'ui.inv.clear': 'Clear filters',
  'ui.inv.noneTitle': 'No invoices yet',
  'ui.inv.noneBody': 'Record invoices on a client’s page, or import them from your accounting program or spreadsheet.',
  'ui.inv.noMatchTitle': 'No invoice matches',
  'ui.inv.noMatchBody': 'Change or clear the filters.',
  'ui.inv.range': '{from}–{to} of {total}',
  'ui.inv.open': 'Open {number} of {client}',
} as const;

export type InvoicesKey = keyof typeof en;

const es: Record<InvoicesKey, string> = {
  'ui.inv.title': 'Facturas',
  'ui.inv.count': '{count, plural, one {# factura} other {# facturas}}',
  'ui.inv.search': 'Buscar número, cliente o descripción… (/)',
  'ui.inv.status': 'Estado',
  'ui.inv.anyStatus': 'Cualquier estado',
  'ui.inv.status.unpaid': 'Impagas (abiertas o vencidas)',
  'ui.inv.anyCurrency': 'Cualquier moneda',
  'ui.inv.from': 'Emitidas desde',
  'ui.inv.to': 'Emitidas hasta',
  'ui.inv.client': 'Cliente',
  'ui.inv.clear': 'Quitar filtros',
  'ui.inv.noneTitle': 'Aún no hay facturas',
  'ui.inv.noneBody': 'Registre facturas en la ficha de un cliente o impórtelas de su programa contable u hoja de cálculo.',
  'ui.inv.noMatchTitle': 'Ninguna factura coincide',
  'ui.inv.noMatchBody': 'Cambie o quite los filtros.',
  'ui.inv.range': '{from}–{to} de {total}',
  'ui.inv.open': 'Abrir {number} de {client}',
};

mergeCatalogue('en', en);
mergeCatalogue('es', es);

export const useInvoicesT = () => useFeatureT<InvoicesKey>();

import { mergeCatalogue } from '#shared/i18n/index';
import { useFeatureT } from '../../components/featureT';

/** Texts for figures that must agree across screens (issue 9: post-dated, disputed, sort currency, duplicates). */
const en = {
  'ui.fig.disputed': 'In dispute',
  'ui.fig.disputedHint': 'Shown apart: not chased as overdue while the dispute is open.',
  'ui.fig.postDated': 'Post-dated: {amount} on {date}',
  'ui.fig.postDatedShort': 'post-dated: {amount}',
  'ui.fig.postDatedHint': 'Payments dated after today are kept, and subtracted from the balance on their date (as in Aging).',
  'ui.fig.futureDate': 'This date is after today ({today}). The payment is kept as post-dated: it lowers the balance from {date}.',
  'ui.fig.sortCurrency': 'Sort balances in',
  'ui.fig.sortCurrencyHint': 'Balance and days overdue are ranked by the amounts in this currency.',
  'ui.fig.dupTaxId': 'Another client already has this tax ID: {clients}. Press Save again to create it anyway.',
  'ui.fig.daysOverdue': 'Days overdue',
  'ui.fig.export': 'Export',
  'ui.fig.exportInvoices': 'Invoices ({format})',
  'ui.fig.exportPayments': 'Payments ({format})',
};
export type FiguresKey = keyof typeof en;

const es: Record<FiguresKey, string> = {
  'ui.fig.disputed': 'En disputa',
  'ui.fig.disputedHint': 'Se muestra aparte: no se cobra como vencido mientras la disputa esté abierta.',
  'ui.fig.postDated': 'Posfechado: {amount} el {date}',
  'ui.fig.postDatedShort': 'posfechado: {amount}',
  'ui.fig.postDatedHint': 'Los pagos con fecha posterior a hoy se guardan y se descuentan del saldo en su fecha (como en Antigüedad).',
  'ui.fig.futureDate': 'Esta fecha es posterior a hoy ({today}). El pago se guarda como posfechado: reduce el saldo desde el {date}.',
  'ui.fig.sortCurrency': 'Ordenar saldos en',
  'ui.fig.sortCurrencyHint': 'El saldo y los días de atraso se ordenan por los importes en esta moneda.',
  'ui.fig.dupTaxId': 'Otro cliente ya tiene este N.º fiscal: {clients}. Pulse Guardar otra vez para crearlo de todos modos.',
  'ui.fig.daysOverdue': 'Días de atraso',
  'ui.fig.export': 'Exportar',
  'ui.fig.exportInvoices': 'Comprobantes ({format})',
  'ui.fig.exportPayments': 'Pagos ({format})',
};

mergeCatalogue('en', en);
mergeCatalogue('es', es);

export const useFiguresT = () => useFeatureT<FiguresKey>();

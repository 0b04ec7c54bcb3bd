import { defineCatalogue } from '../../components/catalogue';

/** Stored codes of the activity tabs (interactions, plans, documents) in the user's words. */
const en = {
  'ui.cl.outcome.no_answer': 'No answer',
  'ui.cl.outcome.callback': 'Call back',
  'ui.cl.outcome.promise': 'Promised to pay',
  'ui.cl.outcome.paid_claimed': 'Says it has paid',
  'ui.cl.outcome.refused': 'Refused to pay',
  'ui.cl.outcome.dispute': 'Disputes the invoice',
  'ui.cl.outcome.wrong_number': 'Wrong number',
  'ui.cl.outcome.left_message': 'Message left',
  'ui.cl.outcome.sent': 'Sent',
  'ui.cl.frequency.weekly': 'Weekly',
  'ui.cl.frequency.biweekly': 'Every two weeks',
  'ui.cl.frequency.monthly': 'Monthly',
  'ui.cl.planStatus.active': 'Active',
  'ui.cl.planStatus.completed': 'Completed',
  'ui.cl.planStatus.broken': 'Broken',
  'ui.cl.planStatus.cancelled': 'Cancelled',
  'ui.cl.docKind.letter': 'Letter',
  'ui.cl.docKind.statement': 'Statement of account',
  'ui.cl.docKind.receipt': 'Receipt',
  'ui.cl.docKind.plan': 'Payment plan',
};

const es: { [K in keyof typeof en]: string } = {
  'ui.cl.outcome.no_answer': 'No contestó',
  'ui.cl.outcome.callback': 'Volver a llamar',
  'ui.cl.outcome.promise': 'Prometió pagar',
  'ui.cl.outcome.paid_claimed': 'Dice que ya pagó',
  'ui.cl.outcome.refused': 'Se negó a pagar',
  'ui.cl.outcome.dispute': 'Reclama la factura',
  'ui.cl.outcome.wrong_number': 'Número equivocado',
  'ui.cl.outcome.left_message': 'Se dejó mensaje',
  'ui.cl.outcome.sent': 'Enviado',
  'ui.cl.frequency.weekly': 'Semanal',
  'ui.cl.frequency.biweekly': 'Quincenal',
  'ui.cl.frequency.monthly': 'Mensual',
  'ui.cl.planStatus.active': 'Vigente',
  'ui.cl.planStatus.completed': 'Cumplido',
  'ui.cl.planStatus.broken': 'Incumplido',
  'ui.cl.planStatus.cancelled': 'Cancelado',
  'ui.cl.docKind.letter': 'Carta',
  'ui.cl.docKind.statement': 'Estado de cuenta',
  'ui.cl.docKind.receipt': 'Recibo',
  'ui.cl.docKind.plan': 'Plan de pagos',
};

export const useActivityWordsT = defineCatalogue(en, es);

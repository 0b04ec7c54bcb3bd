import { mergeCatalogue } from '#shared/i18n/index';
import { useFeatureT } from '../../components/featureT';

/** Texts of the import review (issue 9: what will change, before anything is written). */
const en = {
  'ui.imp.review.title': 'What this import will do',
  'ui.imp.review.summary': 'Create {create} · update {update} · leave unchanged {unchanged}',
  'ui.imp.review.creates': 'New ({count})',
  'ui.imp.review.updates': 'Changed ({count})',
  'ui.imp.review.more': 'and {count} more',
  'ui.imp.review.line': 'line {line}',
  'ui.imp.review.empty': '(empty)',
  'ui.imp.postDated':
    '{count} payments are dated after today ({first} – {last}). They will be imported as post-dated: balances and Aging subtract them only from their date.',
};
export type ReviewKey = keyof typeof en;

const es: Record<ReviewKey, string> = {
  'ui.imp.review.title': 'Lo que hará esta importación',
  'ui.imp.review.summary': 'Crear {create} · actualizar {update} · sin cambios {unchanged}',
  'ui.imp.review.creates': 'Nuevos ({count})',
  'ui.imp.review.updates': 'Con cambios ({count})',
  'ui.imp.review.more': 'y {count} más',
  'ui.imp.review.line': 'línea {line}',
  'ui.imp.review.empty': '(vacío)',
  'ui.imp.postDated':
    '{count} pagos tienen fecha posterior a hoy ({first} – {last}). Se importarán como posfechados: los saldos y la antigüedad los descuentan solo desde su fecha.',
};

mergeCatalogue('en', en);
mergeCatalogue('es', es);

export const useReviewT = () => useFeatureT<ReviewKey>();

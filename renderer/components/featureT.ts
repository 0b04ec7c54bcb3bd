import type { MessageKey } from '#shared/i18n/index';
import { useT } from '../app/stores';
import type { UiKey } from '../i18n/en';

export type FeatureTranslate<K extends string> = (key: K | UiKey | MessageKey, params?: Record<string, string | number>) => string;

/**
 * `useT()` typed for a feature's own catalogue as well (merged at import time by the feature's i18n.ts),
 * so each feature keeps its texts next to its code instead of growing the shared catalogues.
 */
export function useFeatureT<K extends string>(): { t: FeatureTranslate<K>; locale: string } {
  const { t, locale } = useT();
  return { t: t as FeatureTranslate<K>, locale };
}

import { mergeCatalogue } from '#shared/i18n/index';
import { uiEn } from './en';
import { uiEs } from './es';

// Registered once, on first import, before any component translates.
mergeCatalogue('en', uiEn);
mergeCatalogue('es', uiEs);

export type { UiKey } from './en';

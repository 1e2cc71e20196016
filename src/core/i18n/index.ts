// The i18n core: catalogs loaded once, a translator per reader, locale negotiation, checks.
export { createI18n, TIME_ZONE } from './translator.js';
export type { AddressAs, Digits, I18n, Locale, MessageArgs, MessageKey, Translator } from './translator.js';
export { loadCatalogs, SOURCE_LOCALE } from './load.js';
export type { Catalog, Catalogs } from './load.js';
export { pickLocale } from './negotiate.js';
export { checkCatalogs } from './check.js';
export type { MessageParams } from './keys.generated.js';

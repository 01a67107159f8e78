import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import tr from 'i18n-iso-countries/langs/tr.json';
import type { Locale } from '$lib/i18n/i18n.svelte.js';

// Bundled with the app: country names and the alpha-2 ↔ numeric table come from the package, nothing is fetched.
countries.registerLocale(tr);
countries.registerLocale(en);

/**
 * ISO 3166-1 alpha-2 (our origin codes) of a world-atlas feature id (ISO numeric, e.g. `156`); undefined for the few
 * shapes without an ISO code (N. Cyprus, Kosovo, Somaliland).
 */
export const alpha2OfNumeric = (id: string | number | undefined): string | undefined => (id === undefined ? undefined : countries.numericToAlpha2(id));

/** `CN` → `Çin` / `China`; the code itself when the package does not know it. */
export const countryName = (alpha2: string, locale: Locale): string => countries.getName(alpha2, locale, { select: 'official' }) ?? alpha2;

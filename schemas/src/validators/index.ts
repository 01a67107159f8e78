export { isValidTckn, completeTckn, tcknCheckDigits } from './tckn.js';
export { isValidVkn, isValidTaxId, completeVkn, vknCheckDigit } from './vkn.js';
export { isValidGtip, normaliseGtip, gtipChapter } from './gtip.js';
export { isValidCountry, ISO_COUNTRIES } from './iso-country.js';
export { isValidCurrency, ISO_CURRENCIES } from './iso-currency.js';

import * as core from './messages/core.js';
import * as deadLetters from './messages/dead-letters.js';
import * as declaration from './messages/declaration.js';
import * as health from './messages/health.js';
import * as inspector from './messages/inspector.js';
import * as models from './messages/models.js';
import * as reports from './messages/reports.js';
import * as riskMap from './messages/risk-map.js';

/** Every UI string of the dashboard, one module per page. `{name}` marks a parameter filled by `i18n.t`. */
const tr = { ...core.tr, ...health.tr, ...deadLetters.tr, ...declaration.tr, ...inspector.tr, ...riskMap.tr, ...reports.tr, ...models.tr };

export type MessageKey = keyof typeof tr;
export type Locale = 'tr' | 'en';

const en: Record<MessageKey, string> = { ...core.en, ...health.en, ...deadLetters.en, ...declaration.en, ...inspector.en, ...riskMap.en, ...reports.en, ...models.en };

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { tr, en };

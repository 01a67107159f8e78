import type { MessageKey } from './i18n/messages.js';

export interface NavItem {
  readonly href: string;
  readonly label: MessageKey;
}

/** The dashboard's pages in menu order; a new page adds its entry here. */
export const NAV_ITEMS: readonly NavItem[] = [{ href: '/', label: 'nav.live' }];

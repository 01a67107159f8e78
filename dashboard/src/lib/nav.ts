import type { UserRole } from '@tareks/schemas';
import type { MessageKey } from './i18n/messages.js';

export interface NavItem {
  readonly href: string;
  readonly label: MessageKey;
  /** Roles that see the entry; the hub enforces the same roles on the data behind the page. */
  readonly roles: readonly UserRole[];
}

/** The dashboard's pages in menu order; a new page adds its entry here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'nav.live', roles: ['operator', 'inspector', 'analyst', 'admin'] },
  { href: '/health', label: 'nav.health', roles: ['operator', 'admin'] },
  { href: '/dead-letters', label: 'nav.deadLetters', roles: ['operator', 'admin'] },
  { href: '/declaration', label: 'nav.declaration', roles: ['operator', 'inspector', 'analyst', 'admin'] },
  { href: '/inspector', label: 'nav.inspector', roles: ['inspector', 'admin'] },
  { href: '/risk-map', label: 'nav.riskMap', roles: ['analyst', 'inspector', 'admin'] },
  { href: '/reports', label: 'nav.reports', roles: ['analyst', 'admin'] },
  { href: '/models', label: 'nav.models', roles: ['admin'] },
];

/** The entries a user with `roles` sees. */
export const navFor = (roles: readonly UserRole[]): NavItem[] => NAV_ITEMS.filter((i) => i.roles.some((r) => roles.includes(r)));

import type { Page } from 'playwright-core';
import { CSRF_HEADER, type UserRole } from '@tareks/schemas';
import { TEST_ADMIN } from './running-hub.js';

export interface DashboardLogin {
  readonly username: string;
  readonly password: string;
  /** `name=value` of the session cookie, for fetch calls made as this user. */
  readonly cookie: string;
  readonly csrf: string;
}

/** Signs in over HTTP; throws unless the hub accepts the credentials. */
export async function signInHttp(url: string, username: string, password: string): Promise<DashboardLogin> {
  const res = await fetch(`${url}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}`);
  const body = (await res.json()) as { csrfToken: string };
  return { username, password, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken };
}

/** Headers for a mutation made as `login` (session cookie and CSRF token). */
export const asUser = (login: DashboardLogin): Record<string, string> => ({ 'content-type': 'application/json', cookie: login.cookie, [CSRF_HEADER]: login.csrf });

/** The test admin creates a user holding only `role` (named `<role><suffix>`) and signs it in; the admin itself is returned for `admin`. */
export async function userWithRole(url: string, role: UserRole, suffix = '1'): Promise<DashboardLogin> {
  const admin = await signInHttp(url, TEST_ADMIN.username, TEST_ADMIN.password);
  if (role === 'admin') return admin;
  const username = `${role}${suffix}`;
  const password = `${role}-parolası-${suffix}-uzun`;
  const res = await fetch(`${url}/v1/users`, { method: 'POST', headers: asUser(admin), body: JSON.stringify({ username, displayName: username, roles: [role], password }) });
  if (res.status !== 201) throw new Error(`creating ${username} answered ${res.status}: ${await res.text()}`);
  return signInHttp(url, username, password);
}

/** Signs `login` in through the dashboard's own form and waits for the live connection. */
export async function signInPage(page: Page, url: string, login: Pick<DashboardLogin, 'username' | 'password'>): Promise<void> {
  await page.goto(`${url}/login`);
  await page.locator('input[name="username"]').fill(login.username);
  await page.locator('input[name="password"]').fill(login.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'), { timeout: 30_000 });
}

// What every view may know about the request: the translator, the actor, the CSRF token, the
// current path. Provided once by render(); read with usePage(). Views never query the database.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Actor } from '../auth/actor.js';
import type { Translator } from '../i18n/index.js';

import type { AccessLevel } from '../auth/access.js';

/** A link in the site's navigation; `access` hides it from people who could not use it. */
export type NavItem = { href: string; labelKey: Parameters<Translator['t']>[0]; access?: AccessLevel };

export type PageContextValue = {
  i18n: Translator;
  actor: Actor;
  /** CSRF token for forms; generated on first use so read-only pages set no cookie. */
  csrfToken: () => string;
  /** Current path with query, for the language switcher and `next=` links. */
  url: string;
  stylesheet: string;
  nav: NavItem[];
  /** Links for staff (workspace, tools), shown beside the account name to those who may use them. */
  staffNav: NavItem[];
  footerNav: NavItem[];
  flash: string | null;
  /** signed in, but two-step set-up is still owed: the page is the anonymous one, with a notice */
  owes2fa?: boolean;
  /** unread notifications, for the header */
  unread?: number;
  /** Set while rendering when the page asks for a password: such a page loads no script at all. */
  asksPassword?: boolean;
};

export const PageContext = createContext<PageContextValue | null>(null);

export function usePage(): PageContextValue {
  const ctx = useContext(PageContext);
  if (!ctx) throw new Error('usePage() outside render()');
  return ctx;
}

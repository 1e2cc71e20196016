// Renders a page component inside the Layout, with the request's context, to an HTML string.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { joinSlashFormsInHtml } from '../i18n/slash-forms.js';
import { PageContext, type NavItem, type PageContextValue } from '../views/context.js';

let chrome: { nav: NavItem[]; staffNav: NavItem[]; footerNav: NavItem[] } = { nav: [], staffNav: [], footerNav: [] };
let stylesheet = '/assets/style.css';
export function setSiteChrome(items: typeof chrome, stylesheetHref: string) {
  chrome = items;
  stylesheet = stylesheetHref;
}

export function pageContext(req: FastifyRequest, reply: FastifyReply): PageContextValue {
  let token: string | null = null;
  return {
    i18n: req.i18n,
    actor: req.actor,
    // A page with a form carries this visitor's token: it must never be served to another one.
    csrfToken: () => {
      req.pageCache = null;
      return (token ??= reply.generateCsrf());
    },
    url: req.url,
    stylesheet,
    ...chrome,
    flash: req.flash ?? null,
    owes2fa: !!req.owes2fa && req.actor.user === null,
    unread: req.unread ?? 0,
  };
}

export function renderPage(req: FastifyRequest, reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  const html =
    '<!doctype html>' +
    joinSlashFormsInHtml(render(<PageContext.Provider value={pageContext(req, reply)}>{page}</PageContext.Provider>));
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

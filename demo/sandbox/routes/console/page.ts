// GET /console: the console page, Korean unless ?lang=en (remembered in a cookie).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { renderConsolePage } from '../../console/page';
import type { ConsoleLanguage } from '../../console/strings';

const LANG_COOKIE = 'imp_console_lang';

/** Strict CSP: only our own script and styles; the page may not be framed. */
export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

function languageOf(request: FastifyRequest<{ Querystring: { lang?: string } }>): { lang: ConsoleLanguage; chosen: boolean } {
  const asked = request.query.lang;
  if (asked === 'ko' || asked === 'en') return { lang: asked, chosen: true };
  return { lang: request.cookies[LANG_COOKIE] === 'en' ? 'en' : 'ko', chosen: false };
}

export function consolePageRoute(app: FastifyInstance): void {
  app.get<{ Querystring: { lang?: string } }>('/console', async (request, reply) => {
    const { lang, chosen } = languageOf(request);
    if (chosen) reply.setCookie(LANG_COOKIE, lang, { path: '/console', sameSite: 'lax', maxAge: 365 * 24 * 60 * 60 });
    return reply
      .header('content-security-policy', CONSOLE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(renderConsolePage(lang));
  });
}

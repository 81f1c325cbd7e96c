// The sandbox's own origin as the browser sees it, and the cross-site guard
// for the console and checkout JSON APIs: those are called only by the
// sandbox's own pages, so a request a browser marks as coming from another
// site is refused (403) before it can use the buyer's or merchant's session.
import type { FastifyRequest } from 'fastify';
import { forbidden } from './api-error';

export function serviceOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function refuseCrossSite(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== serviceOrigin(request)) {
    throw forbidden(`Cross-site request refused: Origin ${origin} is not ${serviceOrigin(request)}`);
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw forbidden(`Cross-site request refused: Sec-Fetch-Site is ${site}`);
  }
}

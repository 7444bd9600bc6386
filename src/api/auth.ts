/** Bearer-token check for the write endpoints. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError, type Request } from './http.js';

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** Constant-time comparison (both sides hashed first, so their lengths never leak either). */
export function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Writes need `Authorization: Bearer <token>`: 403 when the server has no token (writes are
 * disabled), 401 when the header is missing or the token is wrong.
 */
export function requireToken(req: Request, token: string | undefined): void {
  if (!token) throw new HttpError(403, 'writes disabled (start the server with MARSAD_TOKEN set)');
  const challenge = { 'WWW-Authenticate': 'Bearer realm="marsad"' };
  const header = req.headers.authorization ?? '';
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!m) throw new HttpError(401, 'missing bearer token (Authorization: Bearer <token>)', challenge);
  if (!sameToken(m[1]!, token)) throw new HttpError(401, 'invalid token', challenge);
}

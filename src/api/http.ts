/** Responses: JSON with the security headers every answer carries, and errors as `{"error": "..."}`. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request the API refuses, with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Sent on every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * For HTML: scripts, styles and everything else from this origin only; no inline code. Images may
 * also come from `imageOrigin` (the map tile server a user configured, if any).
 */
export function htmlCsp(imageOrigin?: string): string {
  const img = imageOrigin ? `'self' data: ${imageOrigin}` : `'self' data:`;
  return (
    `default-src 'self'; script-src 'self'; style-src 'self'; img-src ${img}; connect-src 'self'; ` +
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
  );
}

export const HTML_CSP = htmlCsp();

/** For everything that is not HTML: nothing may load at all. */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  res.setHeader('Content-Security-Policy', DATA_CSP);
}

/**
 * JSON text safe to embed anywhere: `<`, `>` and `&` are written as \u escapes (the parsed
 * value is unchanged), so article text with markup never appears as markup in a response.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = jsonText(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: message }, headers);
}

export function sendHtml(res: ServerResponse, html: string, csp = HTML_CSP): void {
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Content-Security-Policy': csp,
    'Cache-Control': 'no-cache',
  });
  res.end(html);
}

/** Writes a chunk, waiting when the socket's buffer is full; fails when the client has gone. */
export function writeChunk(res: ServerResponse, chunk: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (res.destroyed) {
      reject(new Error('client disconnected'));
      return;
    }
    if (res.write(chunk)) {
      resolve();
      return;
    }
    const onDrain = () => {
      res.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      res.off('drain', onDrain);
      reject(new Error('client disconnected'));
    };
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}

export type Request = IncomingMessage;
export type Response = ServerResponse;

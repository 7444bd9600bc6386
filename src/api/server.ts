/** The HTTP server: security headers, routing, error answers, an access log, and a graceful stop. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError } from '../ingest/charset.js';
import { StoreInputError } from '../store/ids.js';
import { type ApiDeps, apiRouter } from './handlers.js';
import { HttpError, sendError, setSecurityHeaders } from './http.js';

export interface ApiOptions extends ApiDeps {
  /** One line per request (method, path, status, milliseconds), and unexpected errors. */
  log?: (line: string) => void;
}

export function createApiServer(opts: ApiOptions): Server {
  const router = apiRouter(opts);
  const log = opts.log ?? (() => {});
  const server = createServer(async (req, res) => {
    const started = performance.now();
    setSecurityHeaders(res);
    const target = req.url ?? '/';
    let path = target;
    try {
      if (!target.startsWith('/')) throw new HttpError(400, 'request target must be a path');
      const url = new URL(`http://localhost${target}`);
      path = url.pathname;
      const { handler, params } = router.resolve(req.method ?? 'GET', url.pathname);
      await handler({ req, res, url, params });
    } catch (e) {
      let status = 500;
      let message = 'internal error';
      let headers: Record<string, string> = {};
      if (e instanceof HttpError) {
        status = e.status;
        message = e.message;
        headers = e.headers;
      } else if (e instanceof StoreInputError || e instanceof InputError) {
        status = 400;
        message = e.message;
      } else {
        log(`error ${req.method} ${path}: ${(e as Error).stack ?? String(e)}`);
      }
      if (res.headersSent) {
        // Mid-stream (an export): the client sees a cut-off response rather than a false end.
        res.destroy();
      } else {
        const hasBody =
          req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
        if (hasBody && !req.complete) {
          // The body was not read (refused before it was): close the connection after answering.
          headers = { ...headers, Connection: 'close' };
          req.resume();
        }
        sendError(res, status, message, headers);
      }
    } finally {
      log(`${req.method} ${path} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`);
    }
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  return server;
}

export interface RunningServer {
  server: Server;
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  /** Stops accepting connections, lets requests in flight finish (up to `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>;
}

/** Creates the server and listens on host:port (port 0: any free port). */
export async function startApiServer(opts: ApiOptions, port: number, host: string): Promise<RunningServer> {
  const server = createApiServer(opts);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  let closing: Promise<void> | null = null;
  return {
    server,
    port: addr.port,
    url: `http://${shown}:${addr.port}`,
    close(graceMs = 10_000) {
      closing ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

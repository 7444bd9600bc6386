/** A small router: exact paths with `:name` segments; 404 for an unknown path, 405 for a wrong method. */
import { HttpError, type Request, type Response } from './http.js';

export interface RequestContext {
  req: Request;
  res: Response;
  url: URL;
  params: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => Promise<void> | void;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        keys.push(seg.slice(1));
        return '([^/]+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), keys };
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: Handler): this {
    this.routes.push({ method, ...compile(path), handler });
    return this;
  }

  get(path: string, handler: Handler): this {
    return this.add('GET', path, handler);
  }

  post(path: string, handler: Handler): this {
    return this.add('POST', path, handler);
  }

  /** The handler for a request and its path parameters; throws 404 or 405. */
  resolve(method: string, pathname: string): { handler: Handler; params: Record<string, string> } {
    const allowed = new Set<string>();
    // HEAD is answered like GET (Node sends the headers without the body).
    const want = method === 'HEAD' ? 'GET' : method;
    for (const r of this.routes) {
      const m = r.pattern.exec(pathname);
      if (!m) continue;
      allowed.add(r.method);
      if (r.method !== want) continue;
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => {
        try {
          params[k] = decodeURIComponent(m[i + 1]!);
        } catch {
          throw new HttpError(400, `${k}: invalid percent-encoding`);
        }
      });
      return { handler: r.handler, params };
    }
    if (!allowed.size) throw new HttpError(404, `no such resource: ${pathname}`);
    if (allowed.has('GET')) allowed.add('HEAD');
    const allow = [...allowed].join(', ');
    throw new HttpError(405, `method ${method} not allowed (allowed: ${allow})`, { Allow: allow });
  }
}

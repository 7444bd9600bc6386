/**
 * The built dashboard (`dist/web`, made by `vite build`): its page at `/` and its hashed assets
 * under `/assets/`. Only files directly inside those folders are served, by name; nothing is
 * listed, and no path from the request reaches the file system unchecked.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';
import { HttpError, type Response } from './http.js';

/** Where `vite build` writes the dashboard. */
export function defaultWebDir(root = packageRoot()): string {
  return join(root, 'dist', 'web');
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,200}$/;

export class WebFiles {
  private constructor(
    readonly dir: string,
    readonly indexHtml: string,
  ) {}

  /** The dashboard in `dir`, or null when it has not been built. */
  static open(dir: string): WebFiles | null {
    const index = join(dir, 'index.html');
    if (!existsSync(index)) return null;
    return new WebFiles(dir, readFileSync(index, 'utf8'));
  }

  /**
   * Sends `name` from `sub` (`assets` or the top folder); 404 for anything else. Hashed assets
   * are cached for a year, other files revalidated.
   */
  send(res: Response, sub: 'assets' | '', name: string, head: boolean): void {
    const dot = name.lastIndexOf('.');
    const type = dot > 0 ? TYPES[name.slice(dot)] : undefined;
    if (!SAFE_NAME.test(name) || name.includes('..') || !type)
      throw new HttpError(404, `no such file: ${name}`);
    const file = join(this.dir, sub, name);
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      throw new HttpError(404, `no such file: ${name}`);
    }
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': size,
      'Cache-Control': sub === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (head) {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }
}

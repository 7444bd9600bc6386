/**
 * Fetching a URL a user gave (an article or a feed), safely: http(s) only; loopback, private,
 * link-local and metadata addresses refused unless allowed, checked on the resolved address of
 * every connection (redirects included); limits on redirects, size, time and content type;
 * conditional requests (ETag / Last-Modified).
 */
import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

export interface FetchOptions {
  /** Largest body accepted (bytes). */
  maxBytes?: number;
  /** Time limit for the whole request (ms). */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Accepted media types (prefix match); the request fails on any other. */
  accept?: readonly string[];
  etag?: string;
  lastModified?: string;
  /** Hosts (names or addresses) allowed even when they resolve to private addresses. */
  allowHosts?: readonly string[];
  /** Allow every private and loopback address (tests, internal deployments). */
  allowPrivate?: boolean;
}

export interface FetchResult {
  /** The final URL after redirects. */
  url: string;
  status: number;
  contentType: string;
  body: Buffer;
  etag?: string;
  lastModified?: string;
  notModified: boolean;
}

export class FetchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export const HTML_TYPES = ['text/html', 'application/xhtml+xml'] as const;
export const FEED_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/xml',
  'text/xml',
  'application/rdf+xml',
  'application/feed+json',
  'text/html', // some servers send feeds as text/html; the parser decides
  'text/plain',
] as const;

const USER_AGENT = 'Marsad/0.1 (+https://github.com/marsad; news event coder)';

function ipv4Private(a: number[]): boolean {
  const [x, y] = a as [number, number];
  return (
    x === 0 ||
    x === 10 ||
    x === 127 ||
    (x === 100 && y >= 64 && y <= 127) ||
    (x === 169 && y === 254) ||
    (x === 172 && y >= 16 && y <= 31) ||
    (x === 192 && y === 168) ||
    (x === 192 && y === 0) ||
    (x === 198 && (y === 18 || y === 19)) ||
    x >= 224
  );
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted quad included), or null. */
function ipv6Groups(address: string): number[] | null {
  let a = address.toLowerCase();
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a);
  if (quad) {
    const [w, x, y, z] = quad.slice(1).map(Number) as [number, number, number, number];
    a = `${a.slice(0, quad.index)}${((w << 8) | x).toString(16)}:${((y << 8) | z).toString(16)}`;
  }
  const halves = a.split('::');
  if (halves.length > 2) return null;
  const part = (s: string) => (s ? s.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const head = part(halves[0]!);
  const tail = halves.length === 2 ? part(halves[1]!) : [];
  const fill = 8 - head.length - tail.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return null;
  const groups = [...head, ...Array<number>(fill).fill(0), ...tail];
  return groups.some((g) => Number.isNaN(g) || g < 0 || g > 0xffff) ? null : groups;
}

function embeddedV4(hi: number, lo: number): number[] {
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
}

/** Whether an address is loopback, private, link-local, CGNAT, multicast, reserved or metadata. */
export function isPrivateAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return ipv4Private(address.split('.').map(Number));
  if (kind === 6) {
    const g = ipv6Groups(address.replace(/%.*$/, ''));
    if (!g) return true;
    const [g0, g1, , , g4, g5, g6, g7] = g as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const zero4 = g.slice(0, 4).every((x) => x === 0);
    // ::, ::1 and IPv4-compatible addresses (::a.b.c.d, deprecated): never a public server.
    if (zero4 && g4 === 0 && g5 === 0) return true;
    // IPv4-mapped (::ffff:a.b.c.d, which URLs spell ::ffff:hhhh:hhhh): the IPv4 rules apply.
    if (zero4 && g4 === 0 && g5 === 0xffff) return ipv4Private(embeddedV4(g6, g7));
    // 6to4 (2002:AABB:CCDD::) carries an IPv4 address too.
    if (g0 === 0x2002) return ipv4Private(embeddedV4(g1, g[2]!));
    return (
      (g0 & 0xfe00) === 0xfc00 || // unique local fc00::/7
      (g0 & 0xffc0) === 0xfe80 || // link-local fe80::/10
      (g0 & 0xffc0) === 0xfec0 || // site-local fec0::/10 (deprecated)
      (g0 & 0xff00) === 0xff00 || // multicast
      (g0 === 0x64 && g1 === 0xff9b) || // NAT64 64:ff9b::/96 and 64:ff9b:1::/48
      (g0 === 0x2001 && g1 === 0xdb8) || // documentation
      (g0 === 0x2001 && g1 === 0) // Teredo
    );
  }
  return true;
}

/** A URL's host as compared: lower case, without brackets or a trailing dot. */
function bareHost(host: string): string {
  return host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

function hostAllowed(host: string, opts: FetchOptions): boolean {
  const bare = bareHost(host);
  return opts.allowPrivate === true || (opts.allowHosts ?? []).some((h) => bareHost(h) === bare);
}

function guardedLookup(host: string, opts: FetchOptions): LookupFunction {
  const allowed = hostAllowed(host, opts);
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as { address: string; family: number }[];
      if (!allowed) {
        const bad = list.find((a) => isPrivateAddress(a.address));
        if (bad)
          return callback(
            new FetchError(`refused: ${hostname} resolves to a private address (${bad.address})`),
            '',
            0,
          );
      }
      if ((options as { all?: boolean }).all)
        return (callback as (e: null, a: typeof list) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new FetchError(`no address for ${hostname}`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

function checkUrl(raw: string, opts: FetchOptions): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(`invalid URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchError(`unsupported scheme: ${url.protocol}`);
  if (url.username || url.password) throw new FetchError('URLs with credentials are refused');
  const host = bareHost(url.hostname);
  const allowed = hostAllowed(host, opts);
  if (!allowed && isIP(host) && isPrivateAddress(host))
    throw new FetchError(`refused: private address ${host}`);
  if (!allowed && /^(localhost|.*\.localhost|.*\.local|.*\.internal|.*\.home\.arpa)$/i.test(host))
    throw new FetchError(`refused: local host name ${host}`);
  return url;
}

function requestOnce(
  url: URL,
  opts: FetchOptions,
  deadline: number,
): Promise<FetchResult & { location?: string }> {
  const maxBytes = opts.maxBytes ?? 10 * 1024 * 1024;
  const mod = url.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: (opts.accept ?? ['*/*']).join(', '),
    'accept-encoding': 'identity',
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolveOnce, rejectOnce) => {
    const remaining = Math.max(1, deadline - Date.now());
    // The limit is on the whole request: a server that keeps sending a byte now and then (so the
    // socket is never idle) is cut off too.
    const timer = setTimeout(() => {
      reject(new FetchError(`timed out fetching ${url.href}`));
      req.destroy();
    }, remaining);
    const resolve = (r: FetchResult & { location?: string }) => {
      clearTimeout(timer);
      resolveOnce(r);
    };
    const reject = (e: Error) => {
      clearTimeout(timer);
      rejectOnce(e);
    };
    const req = mod.request(
      url,
      { method: 'GET', headers, lookup: guardedLookup(host, opts), timeout: remaining },
      (res) => {
        const status = res.statusCode ?? 0;
        const contentType = String(res.headers['content-type'] ?? '').toLowerCase();
        const base = {
          url: url.href,
          status,
          contentType,
          etag: res.headers.etag as string | undefined,
          lastModified: res.headers['last-modified'] as string | undefined,
        };
        if (status >= 300 && status < 400 && status !== 304) {
          res.resume();
          const location = res.headers.location;
          if (!location)
            return reject(new FetchError(`HTTP ${status} without a Location from ${url.href}`, status));
          return resolve({ ...base, body: Buffer.alloc(0), notModified: false, location });
        }
        if (status === 304) {
          res.resume();
          return resolve({ ...base, body: Buffer.alloc(0), notModified: true });
        }
        if (status >= 400) {
          res.resume();
          return reject(new FetchError(`HTTP ${status} from ${url.href}`, status));
        }
        const accept = opts.accept;
        if (accept && contentType && !accept.some((t) => contentType.startsWith(t))) {
          res.destroy();
          return reject(
            new FetchError(`unexpected content type "${contentType.split(';')[0]}" at ${url.href}`, status),
          );
        }
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > maxBytes) {
          res.destroy();
          return reject(new FetchError(`response too large (${declared} bytes; limit ${maxBytes})`, status));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) {
            res.destroy();
            reject(new FetchError(`response too large (over ${maxBytes} bytes)`, status));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => resolve({ ...base, body: Buffer.concat(chunks), notModified: false }));
        res.on('error', (e) => reject(new FetchError(`reading ${url.href}: ${e.message}`, status)));
      },
    );
    req.on('timeout', () => req.destroy(new FetchError(`timed out fetching ${url.href}`)));
    req.on('error', (e) => reject(e instanceof FetchError ? e : new FetchError(`${url.href}: ${e.message}`)));
    req.end();
  });
}

/** GETs a URL under the safety rules above. */
export async function safeFetch(raw: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  const maxRedirects = opts.maxRedirects ?? 5;
  let url = checkUrl(raw, opts);
  for (let hop = 0; ; hop++) {
    const res = await requestOnce(url, opts, deadline);
    if (res.location === undefined) return res;
    if (hop >= maxRedirects) throw new FetchError(`too many redirects from ${raw}`);
    let next: string;
    try {
      next = new URL(res.location, url).href;
    } catch {
      throw new FetchError(`invalid URL in the redirect from ${url.href}: ${res.location}`, res.status);
    }
    try {
      url = checkUrl(next, opts);
    } catch (e) {
      throw new FetchError(`${(e as Error).message} (redirect from ${url.href})`, res.status);
    }
  }
}

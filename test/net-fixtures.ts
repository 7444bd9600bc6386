/**
 * Self-written fixtures for the network ingestion tests: small Arabic and English news pages
 * and feeds, and a local HTTP server (127.0.0.1, port 0) that serves them and counts hits.
 * Nothing here reaches the internet.
 */
import { execFileSync } from 'node:child_process';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface Hit {
  path: string;
  headers: http.IncomingHttpHeaders;
}

/** A local server whose routes are set per test; every request is recorded. */
export class FixtureServer {
  readonly routes = new Map<string, Handler>();
  readonly hits: Hit[] = [];
  private server = http.createServer((req, res) => this.handle(req, res));
  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  /** Requests received for a path (query ignored). */
  count(path: string): number {
    return this.hits.filter((h) => h.path === path).length;
  }

  route(path: string, handler: Handler): this {
    this.routes.set(path, handler);
    return this;
  }

  /** A fixed response. */
  serve(path: string, type: string, body: string | Buffer, headers: Record<string, string> = {}): this {
    return this.route(path, (_req, res) => {
      res.writeHead(200, { 'content-type': type, ...headers });
      res.end(body);
    });
  }

  status(path: string, code: number, headers: Record<string, string> = {}): this {
    return this.route(path, (_req, res) => {
      res.writeHead(code, headers);
      res.end(`status ${code}`);
    });
  }

  redirect(path: string, location: string, code = 302): this {
    return this.status(path, code, { location });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    this.hits.push({ path, headers: req.headers });
    const h = this.routes.get(path);
    if (h) h(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Not found</h1></body></html>');
    }
  }
}

export const NOISE = 'SCRIPTNOISE';

/** A news page with the usual noise around the article: nav, header, ads, footer, scripts. */
export function newsPage(p: {
  lang: 'ar' | 'en';
  title: string;
  paragraphs: string[];
  published?: string;
  canonical?: string;
  siteName?: string;
  charset?: string;
}): string {
  const ar = p.lang === 'ar';
  const nav = ar
    ? '<li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة</a></li><li><a href="/eco">اقتصاد</a></li>'
    : '<li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li>';
  const footer = ar ? 'جميع الحقوق محفوظة لموقع المرصد الإخباري' : 'All rights reserved. Privacy policy.';
  return `<!doctype html>
<html lang="${p.lang}"${ar ? ' dir="rtl"' : ''}>
<head>
<meta charset="${p.charset ?? 'utf-8'}">
<title>${p.title} | ${p.siteName ?? 'Marsad Test News'}</title>
${p.published ? `<meta property="article:published_time" content="${p.published}">` : ''}
${p.canonical ? `<link rel="canonical" href="${p.canonical}">` : ''}
${p.siteName ? `<meta property="og:site_name" content="${p.siteName}">` : ''}
<script>window.dataLayer = ["${NOISE}-head"]; function track() { return "${NOISE}"; }</script>
<style>body { font-family: sans-serif } .ad { display: block }</style>
</head>
<body>
<nav class="menu"><ul>${nav}</ul></nav>
<header class="site-header"><div class="logo">${p.siteName ?? 'Marsad'}</div></header>
<main>
<article class="story">
<h1>${p.title}</h1>
${p.paragraphs.map((t) => `<p>${t}</p>`).join('\n')}
<script>document.write("${NOISE}-inline")</script>
</article>
<aside class="ad">Advertisement</aside>
</main>
<footer><p>${footer}</p></footer>
<script src="/app.js"></script>
<script>console.log("${NOISE}-tail")</script>
</body>
</html>`;
}

export const AR_SHELLING = [
  'إدلب - قتل ثلاثة مدنيين وأصيب سبعة آخرون صباح أمس الاثنين في قصف مدفعي لقوات الحكومة السورية استهدف سوقا شعبيا في مدينة إدلب شمال غرب سوريا، بحسب ما أفاد الدفاع المدني.',
  'وقال مسعفون إن القصف تسبب في دمار عدد من المحال التجارية، فيما نقل الجرحى إلى مستشفى المدينة لتلقي العلاج.',
  'وتشهد المنطقة تصعيدا عسكريا منذ أسابيع رغم الدعوات المتكررة إلى التهدئة ووقف إطلاق النار.',
];

export const AR_PROTEST = [
  'عمان - تظاهر مئات الطلاب أمس الأحد أمام مبنى البرلمان في العاصمة الأردنية عمان للمطالبة بخفض الرسوم الجامعية، ورفعوا لافتات تندد بالقرارات الحكومية الأخيرة.',
  'وقال أحد المنظمين إن الاحتجاجات ستستمر حتى تستجيب الحكومة لمطالب الطلاب، مؤكدا أن التظاهرة كانت سلمية ولم تشهد أي مواجهات مع قوات الأمن.',
];

export const AR_CLASH = [
  'الخرطوم - اندلعت اشتباكات عنيفة بين قوات الجيش السوداني وقوات الدعم السريع يوم السبت في مدينة الفاشر بولاية شمال دارفور، ما أسفر عن مقتل خمسة مقاتلين من الطرفين.',
  'وأفاد شهود عيان بأن أصوات الرصاص والقذائف سمعت في أحياء عدة من المدينة، وأن مئات العائلات نزحت نحو المناطق المجاورة خوفا من تجدد القتال.',
];

export const EN_PROTEST = [
  'BEIRUT - Police fired tear gas at hundreds of protesters who gathered on Tuesday outside parliament in Beirut, Lebanon, demanding the release of detained activists.',
  'Witnesses said several demonstrators were treated for breathing problems after the crowd was dispersed, and organisers promised to return later in the week.',
];

export const EN_AMBUSH = [
  'BAMAKO - Gunmen killed four soldiers in an ambush on an army convoy near the town of Gao in northern Mali on Monday, military sources said.',
  'The convoy was travelling between two bases when it came under fire, the sources added, and reinforcements were sent to the area after the attack.',
];

export const EN_QUIET = [
  'ACCRA - The central bank kept its main interest rate unchanged on Wednesday, saying inflation had eased for a third month in a row and the currency had stabilised.',
  'Analysts had expected the decision, and markets barely moved after the announcement was made at a press conference in the capital.',
];

export interface FeedEntry {
  title: string;
  link?: string;
  guid?: string;
  date: string;
  body: string;
}

export function rssFeed(title: string, items: FeedEntry[]): string {
  const rfc822 = (iso: string) => new Date(iso).toUTCString();
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${title}</title>
<link>http://news.example/</link>
<atom:link rel="self" href="http://news.example/feed.xml"/>
<description>Test feed</description>
${items
  .map(
    (it) => `<item>
<title>${it.title}</title>
${it.link ? `<link>${it.link}</link>` : ''}
${it.guid ? `<guid isPermaLink="false">${it.guid}</guid>` : ''}
<pubDate>${rfc822(it.date)}</pubDate>
<description><![CDATA[<p>${it.body}</p>]]></description>
</item>`,
  )
  .join('\n')}
</channel>
</rss>`;
}

export function atomFeed(title: string, items: FeedEntry[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
<title>${title}</title>
<id>urn:marsad:test:atom</id>
<updated>2024-06-05T10:00:00Z</updated>
<link rel="self" href="/atom.xml"/>
${items
  .map(
    (it) => `<entry>
<title type="text">${it.title}</title>
<link rel="self" href="/api/entries/${encodeURIComponent(it.guid ?? it.title)}"/>
${it.link ? `<link rel="alternate" type="text/html" href="${it.link}"/>` : ''}
<id>${it.guid ?? it.link}</id>
<published>${it.date}</published>
<updated>${it.date}</updated>
<summary type="html">&lt;p&gt;${it.body}&lt;/p&gt;</summary>
</entry>`,
  )
  .join('\n')}
</feed>`;
}

/** windows-1256 bytes of a text: the inverse of the WHATWG decoder's single-byte table. */
export function encode1256(text: string): Buffer {
  const dec = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  return Buffer.from(
    [...text].map((ch) => {
      const b = table.get(ch);
      if (b === undefined) throw new Error(`no windows-1256 byte for ${ch}`);
      return b;
    }),
  );
}

/** Bytes of a text in another charset with the system's iconv, or null when it is missing. */
export function iconvEncode(text: string, charset: string): Buffer | null {
  try {
    return execFileSync('iconv', ['-f', 'UTF-8', '-t', charset], { input: text });
  } catch {
    return null;
  }
}

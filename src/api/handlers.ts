/** The API's endpoints. Handlers validate their input, call the store or the extractor, and answer JSON. */
import { allEvents, type EventFormat, eventJson, writeEvents } from '../export/events.js';
import { canonicalUrl } from '../ingest/identity.js';
import { type ExtractFn, ingestOne } from '../ingest/pipeline.js';
import type { Prepared } from '../ingest/sources.js';
import type { Event } from '../model/event.js';
import type { Report, Repository, StoredArticle, StoredEvent } from '../store/types.js';
import { requireToken } from './auth.js';
import { HttpError, htmlCsp, sendHtml, sendJson, writeChunk } from './http.js';
import { OPENAPI } from './openapi.js';
import { type RequestContext, Router } from './router.js';
import type { WebFiles } from './static.js';
import { summarise } from './summary.js';
import {
  articleId,
  articleListFrom,
  articlesBody,
  checkEventId,
  eventFilterFrom,
  extractBody,
  queryParams,
  readJsonBody,
} from './validation.js';

export interface ApiDeps {
  repo: Repository;
  extract: ExtractFn;
  /** The bearer token for writes (MARSAD_TOKEN); writes are disabled without one. */
  token?: string;
  maxBodyBytes?: number;
  /** The built dashboard; without it `/` says how to build it. */
  web?: WebFiles | null;
  /** A map tile URL template (`https://host/{z}/{x}/{y}.png`) the dashboard may load, if any. */
  tiles?: string;
}

/** Events the dashboard's map and timeline take at most, newest first. */
export const SUMMARY_CAP = 20_000;

/** An event's values and its evidence, apart. */
function split(e: Event): { values: Omit<Event, 'evidence'>; evidence: Event['evidence'] } {
  const { evidence, ...values } = e;
  return { values, evidence: evidence ?? [] };
}

function articleSummary(a: StoredArticle): Record<string, unknown> {
  return {
    id: a.id,
    ext_id: a.extId,
    title: a.title ?? null,
    url: a.url ?? null,
    canonical_url: a.canonicalUrl ?? null,
    source: a.source ?? null,
    published: a.published ?? null,
    lang: a.lang,
    fetched: a.fetched,
    extracted_at: a.extractedAt ?? null,
    text_length: a.text.length,
  };
}

function articleReport(r: Report): Record<string, unknown> {
  const { values, evidence } = split(r.event);
  return {
    event_id: r.eventId,
    index: r.index,
    values,
    evidence,
    merge_reason: r.mergeReason,
  };
}

const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Marsad</title>
</head>
<body>
<h1>Marsad</h1>
<p>The dashboard has not been built: run <code>npm run build</code>. The HTTP API is described at
<a href="/api/openapi.json">/api/openapi.json</a>; try <a href="/api/events">/api/events</a>
or <a href="/healthz">/healthz</a>.</p>
</body>
</html>
`;

const CONTENT_TYPES: Record<EventFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/** Streams the filtered events in a format; a bad filter or cursor is still refused with a 400. */
async function exportEvents(repo: Repository, format: EventFormat, ctx: RequestContext): Promise<void> {
  const filter = eventFilterFrom(ctx.url, undefined);
  const cap = filter.limit;
  const events = allEvents(repo, filter);
  // The first page is read before answering, so that an invalid cursor is still a 400.
  const first = await events.next();
  async function* capped(): AsyncGenerator<StoredEvent> {
    if (first.done) return;
    let n = 0;
    for (let e: StoredEvent | undefined = first.value; ; ) {
      if (cap !== undefined && n >= cap) return;
      yield e;
      n++;
      const r = await events.next();
      if (r.done) return;
      e = r.value;
    }
  }
  const { res } = ctx;
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[format],
    'Content-Disposition': `attachment; filename="events.${format}"`,
    'Cache-Control': 'no-store',
  });
  if (ctx.req.method === 'HEAD') {
    await events.return(undefined);
    res.end();
    return;
  }
  let buffer = '';
  const flush = async () => {
    const chunk = buffer;
    buffer = '';
    if (chunk) await writeChunk(res, chunk);
  };
  try {
    await writeEvents(format, capped(), async (s) => {
      buffer += s;
      if (buffer.length >= 64 * 1024) await flush();
    });
    await flush();
    res.end();
  } finally {
    await events.return(undefined);
  }
}

function noParams(ctx: RequestContext): void {
  queryParams(ctx.url, []);
}

export function apiRouter(deps: ApiDeps): Router {
  const { repo } = deps;
  const router = new Router();

  const csp = htmlCsp(deps.tiles ? new URL(deps.tiles.replace(/[{}]/g, '')).origin : undefined);
  router.get('/', (ctx) => {
    noParams(ctx);
    sendHtml(ctx.res, deps.web?.indexHtml ?? INDEX_HTML, csp);
  });

  router.get('/assets/:name', (ctx) => {
    if (!deps.web) throw new HttpError(404, 'the dashboard has not been built');
    deps.web.send(ctx.res, 'assets', ctx.params.name!, ctx.req.method === 'HEAD');
  });

  router.get('/favicon.svg', (ctx) => {
    if (!deps.web) throw new HttpError(404, 'the dashboard has not been built');
    deps.web.send(ctx.res, '', 'favicon.svg', ctx.req.method === 'HEAD');
  });

  router.get('/api/config', (ctx) => {
    noParams(ctx);
    sendJson(ctx.res, 200, { tiles: deps.tiles ?? null, store: repo.kind, writes: Boolean(deps.token) });
  });

  router.get('/api/summary', async (ctx) => {
    const filter = eventFilterFrom(ctx.url, undefined);
    delete filter.limit;
    delete filter.cursor;
    const [page, points] = await Promise.all([
      repo.listEvents({ ...filter, limit: 1 }),
      repo.eventPoints(filter, SUMMARY_CAP),
    ]);
    sendJson(ctx.res, 200, summarise(points, page.count, SUMMARY_CAP));
  });

  router.get('/healthz', async (ctx) => {
    noParams(ctx);
    sendJson(ctx.res, 200, { ok: true, store: repo.kind, counts: await repo.counts() });
  });

  router.get('/api/openapi.json', (ctx) => {
    noParams(ctx);
    sendJson(ctx.res, 200, OPENAPI);
  });

  router.get('/api/events', async (ctx) => {
    const page = await repo.listEvents(eventFilterFrom(ctx.url));
    sendJson(ctx.res, 200, { count: page.count, events: page.events.map(eventJson), next: page.next });
  });

  for (const format of ['csv', 'geojson', 'jsonl'] as const)
    router.get(`/api/events.${format}`, (ctx) => exportEvents(repo, format, ctx));

  router.get('/api/events/:id', async (ctx) => {
    noParams(ctx);
    const id = checkEventId(ctx.params.id!);
    const e = await repo.getEvent(id);
    if (!e) throw new HttpError(404, `no event ${id}`);
    sendJson(ctx.res, 200, {
      ...eventJson(e),
      article_ids: e.articleIds,
      created_at: e.createdAt,
      updated_at: e.updatedAt,
      reports: e.reports.map((r) => {
        const { values, evidence } = split(r.event);
        return {
          id: r.id,
          index: r.index,
          article: {
            id: r.article.id,
            title: r.article.title ?? null,
            url: r.article.url ?? null,
            source: r.article.source ?? null,
            published: r.article.published ?? null,
            lang: r.article.lang,
          },
          values,
          evidence,
          merge_reason: r.mergeReason,
          created_at: r.createdAt,
        };
      }),
    });
  });

  router.get('/api/articles', async (ctx) => {
    const page = await repo.listArticles(articleListFrom(ctx.url));
    sendJson(ctx.res, 200, {
      count: page.count,
      articles: page.articles.map(articleSummary),
      next: page.next,
    });
  });

  router.get('/api/articles/:id', async (ctx) => {
    noParams(ctx);
    const id = articleId(ctx.params.id!);
    const a = await repo.getArticle(id);
    if (!a) throw new HttpError(404, `no article ${id}`);
    const reports = await repo.articleReports(id);
    sendJson(ctx.res, 200, { ...articleSummary(a), text: a.text, events: reports.map(articleReport) });
  });

  router.post('/api/extract', async (ctx) => {
    noParams(ctx);
    const article = extractBody(await readJsonBody(ctx.req, deps.maxBodyBytes));
    const out = await deps.extract(article);
    sendJson(ctx.res, 200, { lang: out.lang, events: out.events });
  });

  router.post('/api/articles', async (ctx) => {
    noParams(ctx);
    requireToken(ctx.req, deps.token);
    const articles = articlesBody(await readJsonBody(ctx.req, deps.maxBodyBytes));
    const results: Record<string, unknown>[] = [];
    for (const [i, article] of articles.entries()) {
      if (!article.id) article.id = article.url ?? `api-${i + 1}`;
      const p: Prepared = { origin: `articles[${i}]`, article };
      const canon = canonicalUrl(article.url);
      if (canon) p.canonicalUrl = canon;
      try {
        const r = await ingestOne(repo, p, deps.extract);
        results.push({
          index: i,
          status: r.status,
          article_id: r.articleId,
          ...(r.duplicateOf ? { duplicate_of: r.duplicateOf } : {}),
          events: r.events.map((e) => ({ event_id: e.eventId, merged: e.merged, reason: e.reason })),
        });
      } catch (e) {
        results.push({ index: i, status: 'failed', error: (e as Error).message, events: [] });
      }
    }
    const count = (s: string) => results.filter((r) => r.status === s).length;
    sendJson(ctx.res, 200, {
      new: count('new'),
      duplicate: count('duplicate'),
      failed: count('failed'),
      articles: results,
    });
  });

  return router;
}

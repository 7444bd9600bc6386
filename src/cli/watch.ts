import { parseArgs } from 'node:util';
import { emptySummary, type IngestSummary } from '../ingest/pipeline.js';
import type { SourceItem } from '../ingest/sources.js';
import { watch } from '../ingest/watch.js';
import { resolveQueue } from '../queue/connection.js';
import { enqueueItems } from '../queue/enqueue.js';
import { UsageError } from './errors.js';
import { hostsFromEnv } from './ingest.js';
import { DB_HELP, extractionFor, openFromFlag } from './store.js';

export const WATCH_HELP = `Usage: marsad watch [options]

Polls every feed added with \`marsad feeds add\`, ingests new articles, and keeps going until
stopped (Ctrl-C / SIGTERM finish the current article and exit). Conditional requests
(ETag / Last-Modified), a delay between requests to one host, exponential backoff for a
feed that fails; one feed's failure never stops the others.

Options:
${DB_HELP}
      --interval SECONDS     time between polls of a feed (default 300)
      --host-delay SECONDS   least time between requests to one host (default 2)
      --once                 poll every due feed once, then exit
      --queue URL            put new articles on this Redis queue for \`marsad worker\` instead
                             of extracting them here (default: $MARSAD_QUEUE); run one watch
                             per team so that every feed is polled once
      --allow-private        allow feeds on loopback/private addresses
  -h, --help                 show this help`;

function seconds(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 7 * 86400)
    throw new UsageError(`--${name} must be a number of seconds`);
  return n;
}

export async function runWatch(argv: string[], io = process): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      interval: { type: 'string' },
      'host-delay': { type: 'string' },
      once: { type: 'boolean' },
      queue: { type: 'string' },
      'allow-private': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(WATCH_HELP + '\n');
    return 0;
  }
  const intervalMs = seconds(values.interval, 'interval', 300) * 1000;
  const hostDelayMs = seconds(values['host-delay'], 'host-delay', 2) * 1000;
  const queueUrl = resolveQueue(values.queue);
  if (queueUrl && !/^rediss?:\/\//i.test(queueUrl))
    throw new UsageError(`--queue: not a redis:// URL: ${queueUrl}`);
  const repo = await openFromFlag(values.db);
  const extraction = queueUrl
    ? {
        extract: async () => {
          throw new Error('watch --queue does not extract');
        },
        close: async () => {},
      }
    : await extractionFor(1);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    if (!(await repo.listFeeds()).length)
      io.stderr.write('marsad: no feeds to watch (add one with: marsad feeds add URL)\n');
    await watch(repo, {
      extract: extraction.extract,
      intervalMs,
      hostDelayMs,
      once: values.once === true,
      signal: stop.signal,
      fetch: { allowPrivate: values['allow-private'] === true, allowHosts: hostsFromEnv() },
      ...(queueUrl
        ? { enqueue: (items: AsyncIterable<SourceItem>) => enqueueAsSummary(queueUrl, items) }
        : {}),
      log: (line) => io.stdout.write(`${new Date().toISOString()} ${line}\n`),
    });
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await extraction.close();
    await repo.close();
  }
}

/** Enqueues a feed's new articles; in the poll's log line, "new" counts the articles enqueued. */
async function enqueueAsSummary(queueUrl: string, items: AsyncIterable<SourceItem>): Promise<IngestSummary> {
  const s = await enqueueItems(queueUrl, items);
  return {
    ...emptySummary(),
    read: s.read,
    new: s.enqueued,
    failed: s.failed,
    duplicate: s.read - s.enqueued - s.failed,
  };
}

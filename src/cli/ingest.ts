import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { type IngestSummary, ingestItems } from '../ingest/pipeline.js';
import { readTargets } from '../ingest/sources.js';
import { resolveQueue } from '../queue/connection.js';
import { enqueueItems } from '../queue/enqueue.js';
import { UsageError } from './errors.js';
import { parseJobs, publishedFlag } from './flags.js';
import { DB_HELP, extractionFor, openFromFlag } from './store.js';

export const INGEST_HELP = `Usage: marsad ingest PATH|URL... [options]

Reads articles into the store, extracts their events and merges reports of the same event.
PATH: a .txt, .html, .jsonl or .csv file, or a folder (read recursively). URL: an article page
or an RSS/Atom feed. The same URL or the same content is never stored twice, so running it again
adds only what is new.

Options:
${DB_HELP}
      --queue URL        put the articles on this Redis queue for \`marsad worker\` instead of
                         storing them (default: $MARSAD_QUEUE; --no-queue: store here)
  -p, --published DATE   publication date for inputs that have none (YYYY-MM-DD)
  -j, --jobs N           extraction threads (default: all cores)
      --progress         show the progress bar even when stderr is not a terminal
  -q, --quiet            no progress bar, no per-item errors (the summary still prints)
      --allow-private    allow URLs on loopback/private addresses (internal feeds, tests)
  -h, --help             show this help
A summary line is printed at the end: read, new, duplicate, failed, events, merged (with
--queue: read, enqueued, failed).
The exit code is 1 when any input failed.`;

export interface IngestIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export function formatSummary(s: IngestSummary, seconds: number): string {
  const rate = seconds > 0 ? (s.read / seconds).toFixed(1) : '0';
  return `read ${s.read}, new ${s.new}, duplicate ${s.duplicate}, failed ${s.failed}, events ${s.events}, merged ${s.merged} (${seconds.toFixed(1)} s, ${rate}/s)`;
}

export async function runIngest(argv: string[], io: IngestIO = process): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      queue: { type: 'string' },
      'no-queue': { type: 'boolean' },
      published: { type: 'string', short: 'p' },
      jobs: { type: 'string', short: 'j' },
      progress: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      'allow-private': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(INGEST_HELP + '\n');
    return 0;
  }
  if (!positionals.length)
    throw new UsageError('ingest needs at least one file, folder or URL (see marsad ingest --help)');
  const published = publishedFlag(values.published);
  const queueUrl = values['no-queue'] ? undefined : resolveQueue(values.queue);
  if (queueUrl) return enqueueTargets(queueUrl, positionals, published, values, io);
  const jobs = parseJobs(values.jobs, Math.max(1, availableParallelism()));
  const repo = await openFromFlag(values.db);
  const extraction = await extractionFor(jobs);
  const showBar = !values.quiet && (values.progress || io.stderr.isTTY === true);
  const bar = showBar
    ? new cliProgress.SingleBar(
        {
          stream: io.stderr,
          format:
            'ingest [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted} | new {new} dup {dup} failed {failed}',
          noTTYOutput: io.stderr.isTTY !== true,
          notTTYSchedule: 2000,
          etaBuffer: 200,
          hideCursor: io.stderr.isTTY === true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let total = 0;
  let done = 0;
  const started = Date.now();
  const counts = { new: 0, dup: 0, failed: 0 };
  const payload = () => ({
    ...counts,
    rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1),
  });
  bar?.start(0, 0, payload());
  const failures: string[] = [];
  try {
    const items = readTargets(positionals, {
      published,
      fetch: { allowPrivate: values['allow-private'] === true, allowHosts: hostsFromEnv() },
      // Feed items already stored are not fetched again.
      known: async (canonical) => (await repo.findArticle(canonical, '')) !== null,
      onTotal: (n) => {
        total += n;
        bar?.setTotal(total);
      },
    });
    const summary = await ingestItems(repo, items, extraction.extract, {
      concurrency: jobs * 2,
      onItem: (status, origin, detail) => {
        done++;
        if (status === 'new') counts.new++;
        else if (status === 'duplicate') counts.dup++;
        else {
          counts.failed++;
          const msg = `marsad: ${origin}: ${detail}`;
          if (bar) failures.push(msg);
          else if (!values.quiet) io.stderr.write(msg + '\n');
        }
        if (done > total) {
          total = done;
          bar?.setTotal(total);
        }
        bar?.update(done, payload());
      },
    });
    bar?.update(done, payload());
    bar?.stop();
    if (!values.quiet) for (const f of failures.slice(0, 200)) io.stderr.write(f + '\n');
    if (failures.length > 200) io.stderr.write(`marsad: ... and ${failures.length - 200} more failures\n`);
    io.stdout.write(formatSummary(summary, (Date.now() - started) / 1000) + '\n');
    return summary.failed ? 1 : 0;
  } finally {
    bar?.stop();
    await extraction.close();
    await repo.close();
  }
}

/** `ingest --queue`: the inputs are read here and stored by the workers. */
async function enqueueTargets(
  queueUrl: string,
  targets: string[],
  published: string | undefined,
  values: { quiet?: boolean; 'allow-private'?: boolean },
  io: IngestIO,
): Promise<number> {
  if (!/^rediss?:\/\//i.test(queueUrl)) throw new UsageError(`--queue: not a redis:// URL: ${queueUrl}`);
  const started = Date.now();
  const items = readTargets(targets, {
    published,
    fetch: { allowPrivate: values['allow-private'] === true, allowHosts: hostsFromEnv() },
  });
  const s = await enqueueItems(queueUrl, items, {
    onItem: (status, origin, detail) => {
      if (status === 'failed' && !values.quiet) io.stderr.write(`marsad: ${origin}: ${detail}\n`);
    },
  });
  const seconds = (Date.now() - started) / 1000;
  io.stdout.write(`read ${s.read}, enqueued ${s.enqueued}, failed ${s.failed} (${seconds.toFixed(1)} s)\n`);
  return s.failed ? 1 : 0;
}

/** MARSAD_ALLOW_HOSTS: comma-separated host names that may resolve to private addresses. */
export function hostsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.MARSAD_ALLOW_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
}

import { parseArgs } from 'node:util';
import { resolveQueue } from '../queue/connection.js';
import { queueStatus, retryFailed } from '../queue/status.js';
import { runWorker, STORE_WAIT_MS } from '../queue/worker.js';
import { UsageError } from './errors.js';
import { DB_HELP, extractionFor, openFromFlag } from './store.js';

export const WORKER_HELP = `Usage: marsad worker --queue redis://HOST:PORT [--db postgres://...] [options]

Takes articles off the queue (filled by \`marsad ingest --queue\` or \`marsad watch --queue\`),
extracts their events and stores them, until stopped (SIGTERM / Ctrl-C finish the articles in
progress, then exit). Run one per machine or core; they share the PostgreSQL store. A failed
article is retried with exponential backoff; after the last attempt it is kept in the queue's
failed list (see --dead-letter). A worker that dies leaves its articles to the others.

Options:
      --queue URL          the Redis queue (default: $MARSAD_QUEUE); ?prefix=NAME selects a
                           queue other than the default one in that Redis
${DB_HELP}
  -c, --concurrency N      articles in progress at once (default 4); extraction uses one thread
      --dead-letter        print the queue's counts and its failed articles, then exit
      --retry-failed       put the failed articles back on the queue, then exit
  -q, --quiet              no log lines
  -h, --help               show this help`;

export async function runWorkerCommand(argv: string[], io = process): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      queue: { type: 'string' },
      db: { type: 'string' },
      concurrency: { type: 'string', short: 'c' },
      'dead-letter': { type: 'boolean' },
      'retry-failed': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(WORKER_HELP + '\n');
    return 0;
  }
  const queueUrl = resolveQueue(values.queue);
  if (!queueUrl) throw new UsageError('worker needs --queue redis://HOST:PORT (or MARSAD_QUEUE)');
  if (!/^rediss?:\/\//i.test(queueUrl)) throw new UsageError(`--queue: not a redis:// URL: ${queueUrl}`);
  if (values['dead-letter']) {
    const s = await queueStatus(queueUrl);
    io.stdout.write(
      `waiting ${s.waiting}, active ${s.active}, delayed ${s.delayed}, completed ${s.completed}, failed ${s.failed}\n`,
    );
    for (const d of s.dead)
      io.stdout.write(`${d.failedAt ?? ''}\t${d.origin || d.id}\t${d.attempts} attempts\t${d.reason}\n`);
    return 0;
  }
  if (values['retry-failed']) {
    await retryFailed(queueUrl);
    return 0;
  }
  const concurrency = values.concurrency === undefined ? 4 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new UsageError('--concurrency must be an integer from 1 to 64');
  const log = values.quiet
    ? () => {}
    : (line: string) => io.stderr.write(`${new Date().toISOString()} worker ${process.pid}: ${line}\n`);
  const stop = new AbortController();
  // A PostgreSQL outage is waited out with the articles in progress held, rather than failing
  // every article on the queue in turn; SIGTERM ends the waiting (those articles are retried).
  const repo = await openFromFlag(values.db, { waitForServerMs: STORE_WAIT_MS, log, signal: stop.signal });
  // One extraction thread, off the thread that runs the queue and the store transactions.
  const extraction = await extractionFor(1, true);
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    log(`started (concurrency ${concurrency})`);
    const s = await runWorker({
      queueUrl,
      repo,
      extract: extraction.extract,
      concurrency,
      signal: stop.signal,
      log,
    });
    io.stdout.write(
      `new ${s.new}, duplicate ${s.duplicate}, errors ${s.errors}, events ${s.events}, merged ${s.merged}\n`,
    );
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await extraction.close();
    await repo.close();
  }
}

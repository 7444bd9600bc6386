import { parseArgs } from 'node:util';
import { canonicalUrl } from '../ingest/identity.js';
import { UsageError } from './errors.js';
import { DB_HELP, openFromFlag } from './store.js';

export const FEEDS_HELP = `Usage: marsad feeds add URL [--name NAME] | feeds list | feeds remove ID|URL

Manages the RSS/Atom feeds that \`marsad watch\` polls.

Options:
${DB_HELP}
      --name NAME        the outlet's name (add)
  -h, --help             show this help`;

export async function runFeeds(argv: string[], io = process): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || !positionals.length) {
    io.stdout.write(FEEDS_HELP + '\n');
    return values.help ? 0 : 2;
  }
  const [action, arg, ...extra] = positionals;
  if (extra.length) throw new UsageError(`feeds ${action}: too many arguments`);
  const repo = await openFromFlag(values.db);
  try {
    if (action === 'add') {
      const url = canonicalUrl(arg);
      if (!url) throw new UsageError('feeds add needs an http(s) URL');
      const feed = await repo.addFeed(url, values.name ?? new URL(url).hostname);
      io.stdout.write(`added feed ${feed.id}: ${feed.url} (${feed.name})\n`);
    } else if (action === 'list') {
      const feeds = await repo.listFeeds();
      if (!feeds.length) io.stdout.write('no feeds (add one with: marsad feeds add URL)\n');
      for (const f of feeds) {
        const state = f.lastPolled ? `last polled ${f.lastPolled}: ${f.lastStatus ?? ''}` : 'never polled';
        const backoff = f.failures ? `; ${f.failures} failure(s), next poll ${f.nextPoll}` : '';
        io.stdout.write(`${f.id}\t${f.url}\t${f.name}\t${state}${backoff}\n`);
      }
    } else if (action === 'remove') {
      if (!arg) throw new UsageError('feeds remove needs a feed id or URL');
      const ok = await repo.removeFeed(/^\d+$/.test(arg) ? arg : (canonicalUrl(arg) ?? arg));
      if (!ok) throw new UsageError(`no such feed: ${arg}`);
      io.stdout.write(`removed feed ${arg}\n`);
    } else {
      throw new UsageError(`unknown feeds action "${action}" (add, list, remove)`);
    }
    return 0;
  } finally {
    await repo.close();
  }
}

import { parseArgs } from 'node:util';
import type { EventWithReports } from '../store/types.js';
import { UsageError } from './errors.js';
import { FILTER_HELP, FILTER_OPTIONS, filterFromFlags } from './export.js';
import { DB_HELP, openFromFlag } from './store.js';

export const EVENTS_HELP = `Usage: marsad events list [filters] [--limit N] | marsad events show ID [--json]

list: the stored events, newest first, one line each.
show: one event with every source that reported it, each report's own values, and why the
reports were merged.

Options:
${DB_HELP}
${FILTER_HELP}
      --limit N              events to list (default 50)
      --json                 show: print the event and its reports as JSON
  -h, --help                 show this help`;

function describe(e: EventWithReports): string {
  const ev = e.event;
  const lines = [
    `${e.id}  ${ev.event_date}  ${ev.event_type} / ${ev.sub_event_type}`,
    `  actors:     ${ev.actor1}${ev.actor2 ? ` v ${ev.actor2}` : ''}${ev.assoc_actor_1 ? ` (with ${ev.assoc_actor_1})` : ''}`,
    `  place:      ${[ev.location, ev.admin1, ev.country].filter(Boolean).join(', ')} (${ev.latitude ?? '?'}, ${ev.longitude ?? '?'}; precision ${ev.geo_precision})`,
    `  fatalities: ${ev.fatalities}${ev.fatalities_high !== undefined ? ` (reports range ${ev.fatalities_low}–${ev.fatalities_high})` : ''}`,
    `  confidence: ${ev.confidence}`,
    `  notes:      ${ev.notes}`,
    `  sources:    ${e.sources.join('; ') || '—'} (${e.reports.length} report${e.reports.length === 1 ? '' : 's'})`,
    '',
  ];
  for (const r of e.reports) {
    const a = r.article;
    const rv = r.event;
    lines.push(`  report ${r.id} from article ${a.id}: ${a.source ?? a.url ?? ''} ${a.published ?? ''}`);
    if (a.title) lines.push(`    title: ${a.title}`);
    if (a.url) lines.push(`    url:   ${a.url}`);
    lines.push(
      `    says:  ${rv.event_date} ${rv.event_type} / ${rv.sub_event_type}; ${rv.actor1}${rv.actor2 ? ` v ${rv.actor2}` : ''}; ${rv.location || rv.admin1}; fatalities ${rv.fatalities}`,
    );
    lines.push(`    ${r.mergeReason ? `merged: ${r.mergeReason}` : 'first report of this event'}`);
  }
  return lines.join('\n');
}

export async function runEvents(argv: string[], io = process): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      ...FILTER_OPTIONS,
    },
  });
  if (values.help || !positionals.length) {
    io.stdout.write(EVENTS_HELP + '\n');
    return values.help ? 0 : 2;
  }
  const [action, id] = positionals;
  const repo = await openFromFlag(values.db);
  try {
    if (action === 'show') {
      if (!id) throw new UsageError('events show needs an event id (e.g. MRS12)');
      const e = await repo.getEvent(id);
      if (!e) throw new UsageError(`no event ${id}`);
      io.stdout.write((values.json ? JSON.stringify(e, null, 2) : describe(e)) + '\n');
      return 0;
    }
    if (action === 'list') {
      const filter = filterFromFlags(values);
      const limit = values.limit === undefined ? 50 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit: 1 to 1000');
      const page = await repo.listEvents({ ...filter, limit });
      for (const s of page.events) {
        const ev = s.event;
        io.stdout.write(
          `${s.id}\t${ev.event_date}\t${ev.event_type}\t${ev.actor1}${ev.actor2 ? ` v ${ev.actor2}` : ''}\t${ev.location || ev.admin1}, ${ev.country}\t${ev.fatalities}\t${s.reportCount} report(s)\n`,
        );
      }
      io.stderr.write(`${page.events.length} of ${page.count} event(s)\n`);
      return 0;
    }
    throw new UsageError(`unknown events action "${action}" (list, show)`);
  } finally {
    await repo.close();
  }
}

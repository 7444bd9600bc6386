import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { allEvents, EVENT_FORMATS, type EventFormat, writeEvents } from '../export/events.js';
import { parseEventFilter } from '../store/filter.js';
import { UsageError } from './errors.js';
import { DB_HELP, openFromFlag } from './store.js';

export const FILTER_HELP = `      --country NAME         e.g. Syria
      --admin1 NAME          e.g. "Al Hasakeh"
      --event-type TYPE      e.g. Battles
      --sub-event-type TYPE  e.g. "Armed clash"
      --actor TEXT           part of an actor's name
      --from DATE --to DATE  event dates (YYYY-MM-DD)
      --bbox W,S,E,N         a box in degrees
      --min-fatalities N
  -q, --query TEXT           full text over the source articles (Arabic or English)`;

export const EXPORT_HELP = `Usage: marsad export [options]

Writes the stored events (each merged from all its reports) in ACLED's CSV column order,
as GeoJSON or as JSONL.

Options:
${DB_HELP}
  -f, --format FORMAT        csv (default) | geojson | jsonl
  -o, --output FILE          default: stdout
${FILTER_HELP}
  -h, --help                 show this help`;

export const FILTER_OPTIONS = {
  country: { type: 'string' },
  admin1: { type: 'string' },
  'event-type': { type: 'string' },
  'sub-event-type': { type: 'string' },
  actor: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  bbox: { type: 'string' },
  'min-fatalities': { type: 'string' },
  query: { type: 'string', short: 'q' },
} as const;

/** The filter from CLI flags (validated like the API's query parameters). */
export function filterFromFlags(v: Record<string, unknown>) {
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  return parseEventFilter({
    country: s('country'),
    admin1: s('admin1'),
    event_type: s('event-type'),
    sub_event_type: s('sub-event-type'),
    actor: s('actor'),
    date_from: s('from'),
    date_to: s('to'),
    bbox: s('bbox'),
    min_fatalities: s('min-fatalities'),
    q: s('query'),
  });
}

export async function runExport(argv: string[], io = process): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      format: { type: 'string', short: 'f', default: 'csv' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
      ...FILTER_OPTIONS,
    },
  });
  if (values.help) {
    io.stdout.write(EXPORT_HELP + '\n');
    return 0;
  }
  const format = values.format as EventFormat;
  if (!EVENT_FORMATS.includes(format))
    throw new UsageError(`unknown --format "${values.format}" (csv, geojson, jsonl)`);
  const filter = filterFromFlags(values);
  const repo = await openFromFlag(values.db);
  const out: Writable = values.output ? createWriteStream(values.output) : io.stdout;
  try {
    const write = (s: string) =>
      new Promise<void>((resolve) => {
        if (out.write(s)) resolve();
        else out.once('drain', () => resolve());
      });
    const n = await writeEvents(format, allEvents(repo, filter), write);
    if (values.output) {
      await new Promise<void>((r) => out.end(r));
      io.stderr.write(`marsad: ${n} event(s) written to ${values.output}\n`);
    }
    return 0;
  } finally {
    await repo.close();
  }
}

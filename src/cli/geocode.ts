/**
 * `marsad geocode NAME... [--country ISO2] [--explain]`
 * `marsad geocode --input Q.jsonl --output A.jsonl [--explain]` (lines {"id","query","country"?}).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type GeocodeMatch, geocode, loadGazetteer } from '../geo/index.js';

const USAGE =
  'usage: marsad geocode NAME... [--country ISO2] [--explain]\n' +
  '       marsad geocode --input Q.jsonl --output A.jsonl [--explain]';

function publicMatch(m: GeocodeMatch | null) {
  if (!m) return null;
  return {
    name: m.name,
    name_ar: m.name_ar,
    country: m.country,
    iso: m.iso,
    admin1: m.admin1,
    admin2: m.admin2,
    latitude: m.latitude,
    longitude: m.longitude,
    geo_precision: m.geo_precision,
  };
}

export async function runGeocode(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    process.stderr.write(`marsad geocode: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const gaz = loadGazetteer();
  const explain = !!values.explain;
  if (values.input) {
    let text: string;
    try {
      text = readFileSync(values.input, 'utf8');
    } catch (e) {
      process.stderr.write(`marsad geocode: cannot read ${values.input}: ${(e as Error).message}\n`);
      return 2;
    }
    const out: string[] = [];
    let errors = 0;
    text.split(/\r?\n/).forEach((line, k) => {
      if (!line.trim()) return;
      let q: { id?: unknown; query?: unknown; country?: unknown };
      try {
        q = JSON.parse(line);
      } catch {
        process.stderr.write(`marsad geocode: ${values.input}:${k + 1}: invalid JSON\n`);
        errors++;
        return;
      }
      if (typeof q.query !== 'string') {
        process.stderr.write(`marsad geocode: ${values.input}:${k + 1}: missing "query"\n`);
        errors++;
        return;
      }
      const country = typeof q.country === 'string' ? q.country : undefined;
      const r = geocode(gaz, q.query, { country });
      const rec: Record<string, unknown> = {
        id: q.id ?? null,
        query: q.query,
        match: publicMatch(r.match),
        candidates: r.candidates.map(publicMatch),
      };
      if (explain) rec.explain = r.explain;
      out.push(JSON.stringify(rec));
    });
    const body = out.length ? `${out.join('\n')}\n` : '';
    if (values.output) writeFileSync(values.output, body);
    else process.stdout.write(body);
    return errors ? 1 : 0;
  }
  if (!positionals.length) {
    process.stderr.write(`marsad geocode: give a NAME or --input\n${USAGE}\n`);
    return 2;
  }
  let missing = 0;
  for (const name of positionals) {
    const r = geocode(gaz, name, { country: values.country });
    const m = r.match;
    if (!m) missing++;
    const line = m
      ? `${name}\t${m.name}\t${m.name_ar}\t${m.country}\t${m.admin1}\t${m.admin2}\t${m.latitude}\t${m.longitude}\t${m.geo_precision}`
      : `${name}\t(no match)`;
    process.stdout.write(`${line}\n`);
    if (explain) for (const e of r.explain) process.stdout.write(`  # ${e}\n`);
  }
  return missing === positionals.length ? 1 : 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      country: { type: 'string' },
      explain: { type: 'boolean' },
      input: { type: 'string' },
      output: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

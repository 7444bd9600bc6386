#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../ingest/charset.js';
import { StoreInputError } from '../store/ids.js';
import { packageRoot } from '../util/paths.js';
import { UsageError } from './errors.js';

const HELP = `marsad — reads Arabic and English news and codes political violence and protest events
(ACLED taxonomy) with evidence for every field.

Usage: marsad <command> [options]

Commands:
  extract   articles in (.txt, .jsonl, stdin), events out (jsonl, json, csv, geojson)
  eval      score extraction against gold data (marsad eval --gold G.jsonl --input I.jsonl)
  geocode   look up place names in the gazetteer (marsad geocode NAME... [--country ISO2])
  ingest    read files, folders, URLs and feeds into the store (marsad ingest PATH|URL...)
  feeds     manage the feeds to watch (marsad feeds add URL | list | remove ID)
  watch     poll the feeds and ingest what is new, until stopped
  worker    store the articles queued in Redis, until stopped (marsad worker --queue URL)
  events    list stored events, or show one with its sources (marsad events show MRS12)
  export    stored events as ACLED CSV, GeoJSON or JSONL, with filters
  reextract run extraction again over the stored articles (event ids are kept)
  serve     the HTTP API over the store (marsad serve [--port 8080] [--host 127.0.0.1])
  help      show this help (marsad help COMMAND for a command's options)

Options: -h, --help   -v, --version`;

function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

type Command = (argv: string[]) => Promise<number>;

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

const COMMANDS: Record<string, () => Promise<Command>> = {
  extract: async () => {
    const m = await import('./extract.js');
    return (argv) => m.runExtract(argv, io);
  },
  eval: async () => (await import('./eval.js')).runEval,
  geocode: async () => (await import('./geocode.js')).runGeocode,
  ingest: async () => {
    const m = await import('./ingest.js');
    return (argv) => m.runIngest(argv);
  },
  feeds: async () => {
    const m = await import('./feeds.js');
    return (argv) => m.runFeeds(argv);
  },
  watch: async () => {
    const m = await import('./watch.js');
    return (argv) => m.runWatch(argv);
  },
  worker: async () => {
    const m = await import('./worker.js');
    return (argv) => m.runWorkerCommand(argv);
  },
  events: async () => {
    const m = await import('./events.js');
    return (argv) => m.runEvents(argv);
  },
  export: async () => {
    const m = await import('./export.js');
    return (argv) => m.runExport(argv);
  },
  reextract: async () => {
    const m = await import('./reextract.js');
    return (argv) => m.runReextract(argv);
  },
  serve: async () => {
    const m = await import('./serve.js');
    return (argv) => m.runServe(argv);
  },
};

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '-h' || cmd === '--help') {
    if (cmd === 'help' && rest[0] && COMMANDS[rest[0]]) return (await COMMANDS[rest[0]]!())(['--help']);
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (cmd === '-v' || cmd === '--version' || cmd === 'version') {
    process.stdout.write(version() + '\n');
    return 0;
  }
  const load = COMMANDS[cmd];
  if (!load) throw new UsageError(`unknown command "${cmd}" (see marsad --help)`);
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const err = e as Error & { code?: string };
    if (e instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`marsad: ${err.message}\n`);
      process.exitCode = 2;
    } else if (e instanceof InputError || e instanceof StoreInputError) {
      process.stderr.write(`marsad: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`marsad: internal error: ${err.message ?? String(e)}\n`);
      if (process.env.MARSAD_DEBUG) process.stderr.write(`${err.stack}\n`);
      process.exitCode = 70;
    }
  },
);

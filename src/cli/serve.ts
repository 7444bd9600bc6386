import { parseArgs } from 'node:util';
import { startApiServer } from '../api/server.js';
import { defaultWebDir, WebFiles } from '../api/static.js';
import { UsageError } from './errors.js';
import { parseJobs } from './flags.js';
import { DB_HELP, extractionFor, openFromFlag } from './store.js';

export const SERVE_HELP = `Usage: marsad serve [options]

Serves the web dashboard (at /) and the HTTP API over the store (events, articles, exports,
extraction; described at /api/openapi.json). Listens on the loopback address unless told
otherwise. Ctrl-C / SIGTERM stop it after the requests in flight.

The dashboard loads nothing from the internet: its map draws country outlines packaged with
it. To put a tile basemap under them, give a tile URL template (--tiles or MARSAD_TILES), e.g.
https://tile.openstreetmap.org/{z}/{x}/{y}.png (mind the tile server's usage policy).

Writes (POST /api/articles) need the bearer token in the environment variable MARSAD_TOKEN;
without it they are refused (403).

Options:
${DB_HELP}
      --port N           default 8080 (0: any free port)
      --host ADDRESS     default 127.0.0.1
      --jobs N           extraction worker threads (default 1: in the server's thread)
      --tiles URL        map tile URL template with {z}, {x} and {y} (default: none)
      --quiet            no access log
  -h, --help             show this help`;

export async function runServe(argv: string[], io = process): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      jobs: { type: 'string' },
      tiles: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(SERVE_HELP + '\n');
    return 0;
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new UsageError('--port: 0 to 65535');
  const host = values.host.trim();
  if (!host) throw new UsageError('--host: an address');
  const jobs = parseJobs(values.jobs, 1);
  const token = process.env.MARSAD_TOKEN || undefined;
  const tiles = parseTiles(values.tiles ?? process.env.MARSAD_TILES);
  const web = WebFiles.open(defaultWebDir());
  if (!web)
    io.stderr.write('marsad: the dashboard has not been built (npm run build); serving the API only\n');
  const repo = await openFromFlag(values.db);
  const extraction = await extractionFor(jobs);
  const log = values.quiet
    ? (line: string) => {
        if (line.startsWith('error ')) io.stderr.write(`${new Date().toISOString()} ${line}\n`);
      }
    : (line: string) => io.stderr.write(`${new Date().toISOString()} ${line}\n`);
  let running: Awaited<ReturnType<typeof startApiServer>>;
  try {
    running = await startApiServer({ repo, extract: extraction.extract, token, log, web, tiles }, port, host);
  } catch (e) {
    await extraction.close();
    await repo.close();
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new UsageError(`${host}:${port} is already in use`);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
      throw new UsageError(`cannot listen on ${host}`);
    throw e;
  }
  io.stdout.write(
    `marsad: serving ${repo.kind} store on ${running.url} (writes ${token ? 'enabled' : 'disabled: MARSAD_TOKEN not set'})\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      io.stderr.write(`marsad: ${signal}, stopping\n`);
      resolve();
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
  await running.close();
  await extraction.close();
  await repo.close();
  return 0;
}

/** A tile URL template: http(s), with {z}, {x} and {y}; undefined when none is given. */
export function parseTiles(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let url: URL;
  try {
    url = new URL(v.replace(/[{}]/g, ''));
  } catch {
    throw new UsageError('--tiles: a URL template such as https://tile.example.org/{z}/{x}/{y}.png');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError('--tiles: an http(s) URL');
  for (const k of ['{z}', '{x}', '{y}'])
    if (!v.includes(k)) throw new UsageError(`--tiles: the template needs ${k}`);
  return v;
}

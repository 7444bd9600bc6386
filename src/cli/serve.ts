import { parseArgs } from 'node:util';
import { startApiServer } from '../api/server.js';
import { UsageError } from './errors.js';
import { parseJobs } from './flags.js';
import { DB_HELP, extractionFor, openFromFlag } from './store.js';

export const SERVE_HELP = `Usage: marsad serve [options]

Serves the HTTP API over the store (events, articles, exports, extraction; described at
/api/openapi.json). Listens on the loopback address unless told otherwise. Ctrl-C / SIGTERM
stop it after the requests in flight.

Writes (POST /api/articles) need the bearer token in the environment variable MARSAD_TOKEN;
without it they are refused (403).

Options:
${DB_HELP}
      --port N           default 8080 (0: any free port)
      --host ADDRESS     default 127.0.0.1
      --jobs N           extraction worker threads (default 1: in the server's thread)
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
  const repo = await openFromFlag(values.db);
  const extraction = await extractionFor(jobs);
  const log = values.quiet
    ? (line: string) => {
        if (line.startsWith('error ')) io.stderr.write(`${new Date().toISOString()} ${line}\n`);
      }
    : (line: string) => io.stderr.write(`${new Date().toISOString()} ${line}\n`);
  let running: Awaited<ReturnType<typeof startApiServer>>;
  try {
    running = await startApiServer({ repo, extract: extraction.extract, token, log }, port, host);
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

/**
 * Chooses and opens the store: `--db PATH|URL`, else MARSAD_DB, else a file under the user's data
 * directory. A postgres:// URL opens the PostgreSQL store (loaded only then, so that SQLite
 * users never load `pg`).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { SqliteRepository } from './sqlite/repository.js';
import type { Repository } from './types.js';

/** The default database file: $XDG_DATA_HOME/marsad/marsad.sqlite (~/.local/share on most systems). */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'marsad', 'marsad.sqlite');
}

/** The database the user chose (flag, then environment, then default). */
export function resolveDb(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.MARSAD_DB || defaultDbPath(env);
}

export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

/** How a PostgreSQL store rides out a server outage (the SQLite store has none to ride out). */
export interface OpenOptions {
  /** How long an operation waits for a PostgreSQL server that is down (default 0: none). */
  waitForServerMs?: number;
  /** Where the waiting is told. */
  log?: (line: string) => void;
  /** Ends the waiting early (shutdown). */
  signal?: AbortSignal;
}

/** Opens (and migrates) the store named by `spec`. */
export async function openStore(spec: string, opts: OpenOptions = {}): Promise<Repository> {
  let repo: Repository;
  if (isPostgresUrl(spec)) {
    const { PostgresRepository } = await import('./postgres/repository.js');
    repo = await PostgresRepository.connect(spec, opts);
  } else {
    repo = new SqliteRepository(spec);
  }
  try {
    await repo.migrate();
  } catch (e) {
    await repo.close();
    throw e;
  }
  return repo;
}

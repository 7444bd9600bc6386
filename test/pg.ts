/**
 * PostgreSQL for tests: set MARSAD_TEST_PG to a connection URL whose role may create databases
 * (scripts/ci-services.sh starts such a server). Every test gets a database of its own, created
 * here and dropped by dropDatabases().
 */
import pg from 'pg';

export const PG_URL: string | undefined = process.env.MARSAD_TEST_PG || undefined;

const created: string[] = [];
let n = 0;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  if (!PG_URL) throw new Error('MARSAD_TEST_PG is not set');
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates a uniquely named, empty database and returns its URL. */
export async function createDatabase(): Promise<string> {
  const name = `marsad_test_${process.pid}_${Date.now().toString(36)}_${n++}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  created.push(name);
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Drops the databases created so far (close their pools first). A database that cannot be
 * dropped now (an autovacuum worker busy in it, when the role may not end it) is retried, then
 * left behind with a warning: it is the test server's litter, not the test's failure.
 */
export async function dropDatabases(): Promise<void> {
  const names = created.splice(0);
  if (!names.length) return;
  await admin(async (c) => {
    for (const name of names) {
      for (let attempt = 1; ; attempt++) {
        try {
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          break;
        } catch (e) {
          if (attempt < 5) {
            await new Promise((r) => setTimeout(r, 200 * attempt));
            continue;
          }
          console.warn(`could not drop test database ${name}: ${(e as Error).message}`);
          break;
        }
      }
    }
  });
}

/**
 * A PostgreSQL cluster and a redis-server of the test's own, on free loopback ports under a temp
 * directory, which the test may stop and start again at will (the shared test servers must never
 * be stopped). Needs the PostgreSQL server binaries (initdb, pg_ctl; Debian keeps them under
 * /usr/lib/postgresql/VERSION/bin) and redis-server. As root (CI), PostgreSQL runs as the
 * `postgres` user, as scripts/ci-services.sh does.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isRoot = process.getuid?.() === 0;

function onPath(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

/** The newest PostgreSQL server binaries' folder, if any. */
function pgBinDir(): string | undefined {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0 && existsSync(join(fromConfig.stdout.trim(), 'initdb')))
    return fromConfig.stdout.trim();
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b));
  return versions.length ? join(root, versions.at(-1)!, 'bin') : undefined;
}

function hasPostgresUser(): boolean {
  return spawnSync('id', ['-u', 'postgres']).status === 0;
}

/** Why the servers cannot be started here, or undefined when they can. */
export function serversMissing(): string | undefined {
  if (!pgBinDir()) return 'no PostgreSQL server binaries (initdb, pg_ctl) found';
  if (!onPath('redis-server')) return 'no redis-server on PATH';
  if (isRoot && !(onPath('runuser') && hasPostgresUser()))
    return 'running as root without runuser or a postgres user to run PostgreSQL as';
  return undefined;
}

/** A free TCP port on 127.0.0.1 (free when asked; the server binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection({ host: '127.0.0.1', port });
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}

function run(cmd: string, args: string[], asOwner: boolean): void {
  const [file, argv] = asOwner && isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
}

/** A throwaway PostgreSQL cluster on 127.0.0.1 (no Unix socket), password-protected. */
export class OwnPostgres {
  readonly url: string;
  private readonly data: string;
  private readonly log: string;

  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
    password: string,
  ) {
    this.data = join(dir, 'data');
    this.log = join(dir, 'server.log');
    this.url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  }

  static async create(): Promise<OwnPostgres> {
    const bin = pgBinDir();
    if (!bin) throw new Error('no PostgreSQL server binaries');
    const dir = mkdtempSync(join(tmpdir(), 'marsad-outage-pg-'));
    const password = randomBytes(12).toString('hex');
    const pwfile = join(dir, 'pwfile');
    writeFileSync(pwfile, password + '\n', { mode: 0o600 });
    const pg = new OwnPostgres(bin, dir, await freePort(), password);
    try {
      if (isRoot) run('chown', ['-R', 'postgres:', dir], false);
      run(
        join(bin, 'initdb'),
        [
          '-D',
          pg.data,
          '-U',
          'postgres',
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '-E',
          'UTF8',
          '--no-locale',
        ],
        true,
      );
      rmSync(pwfile);
      pg.start();
    } catch (e) {
      pg.destroy();
      throw e;
    }
    return pg;
  }

  /**
   * Starts the server and waits until it accepts connections. fsync is off: an immediate stop
   * ends the server's processes, not the machine, so what they wrote is still there.
   */
  start(): void {
    const opts = `-c listen_addresses=127.0.0.1 -p ${this.port} -c unix_socket_directories= -c fsync=off`;
    run(
      join(this.bin, 'pg_ctl'),
      ['-D', this.data, '-l', this.log, '-w', '-t', '60', '-o', opts, 'start'],
      true,
    );
  }

  /** Stops the server at once, as a crash would: connections are cut, no checkpoint. */
  stopImmediately(): void {
    run(join(this.bin, 'pg_ctl'), ['-D', this.data, '-m', 'immediate', '-w', 'stop'], true);
  }

  /** Stops the server (if running) and removes its files. */
  destroy(): void {
    try {
      this.stopImmediately();
    } catch {
      // Not running.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A redis-server that keeps every write on disk before answering (appendonly yes, appendfsync
 * always), so that killing it and starting it again on the same directory loses no job.
 */
export class OwnRedis {
  readonly url: string;
  private child: ChildProcess | undefined;

  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {
    this.url = `redis://127.0.0.1:${port}`;
  }

  static async create(): Promise<OwnRedis> {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-outage-redis-'));
    const r = new OwnRedis(dir, await freePort());
    await r.start();
    return r;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
        '--logfile',
        join(this.dir, 'redis.log'),
      ],
      { stdio: 'ignore' },
    );
    this.child = child;
    for (let i = 0; i < 200; i++) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (see ${this.dir}/redis.log)`);
      if (await listening(this.port)) return;
      await sleep(50);
    }
    throw new Error('redis-server did not start within 10 s');
  }

  /** SIGKILLs the server (no shutdown save), and waits until it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  }

  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

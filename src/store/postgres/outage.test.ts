import { describe, expect, it } from 'vitest';
import { isConnectionError, OutageWaiter } from './outage.js';

function err(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('isConnectionError', () => {
  it('knows a server that is down, restarting or gone', () => {
    expect(isConnectionError(err('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isConnectionError(err('read ECONNRESET', 'ECONNRESET'))).toBe(true);
    expect(isConnectionError(err('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionError(err('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isConnectionError(err('the database system is starting up', '57P03'))).toBe(true);
    expect(isConnectionError(err('connection failure', '08006'))).toBe(true);
    const both = Object.assign(new AggregateError([err('a', 'ECONNREFUSED'), err('b', 'ECONNREFUSED')], ''), {
      code: 'ECONNREFUSED',
    });
    expect(isConnectionError(both)).toBe(true);
  });

  it('does not take a wrong query, a conflict or a refused login for an outage', () => {
    expect(isConnectionError(err('syntax error at or near "SELEC"', '42601'))).toBe(false);
    expect(isConnectionError(err('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isConnectionError(err('deadlock detected', '40P01'))).toBe(false);
    expect(isConnectionError(err('password authentication failed for user "x"', '28P01'))).toBe(false);
    expect(isConnectionError(err('database "nope" does not exist', '3D000'))).toBe(false);
    expect(isConnectionError('ECONNREFUSED')).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });
});

describe('OutageWaiter', () => {
  const fast = { delayMs: 5, maxDelayMs: 20 };

  it('tries again until the server is back, and says so once per outage', async () => {
    const lines: string[] = [];
    const waiter = new OutageWaiter({ waitMs: 5000, log: (l) => lines.push(l), ...fast });
    let up = false;
    let calls = 0;
    const op = (out: string) => async () => {
      calls++;
      if (!up) throw err('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
      return out;
    };
    setTimeout(() => {
      up = true;
    }, 100);
    const results = await Promise.all([waiter.run(op('a')), waiter.run(op('b')), waiter.run(op('c'))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(calls).toBeGreaterThan(6);
    expect(lines.filter((l) => l.startsWith('waiting for PostgreSQL…'))).toEqual([
      'waiting for PostgreSQL… (connect ECONNREFUSED 127.0.0.1:5432)',
    ]);
    expect(lines.filter((l) => l.startsWith('PostgreSQL is back'))).toHaveLength(1);
    expect(lines).toHaveLength(2);
  });

  it('throws any other error at once', async () => {
    const waiter = new OutageWaiter({ waitMs: 5000, ...fast });
    let calls = 0;
    const op = async () => {
      calls++;
      throw err('syntax error', '42601');
    };
    await expect(waiter.run(op)).rejects.toThrow('syntax error');
    expect(calls).toBe(1);
  });

  it('gives up after waitMs with the last error', async () => {
    const waiter = new OutageWaiter({ waitMs: 100, ...fast });
    const started = Date.now();
    await expect(
      waiter.run(async () => {
        throw err('Connection terminated unexpectedly');
      }),
    ).rejects.toThrow('Connection terminated unexpectedly');
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops waiting when its signal aborts', async () => {
    const stop = new AbortController();
    const waiter = new OutageWaiter({
      waitMs: 60_000,
      delayMs: 10_000,
      maxDelayMs: 10_000,
      signal: stop.signal,
    });
    const started = Date.now();
    const run = waiter.run(async () => {
      throw err('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
    });
    setTimeout(() => stop.abort(), 50);
    await expect(run).rejects.toThrow('ECONNREFUSED');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

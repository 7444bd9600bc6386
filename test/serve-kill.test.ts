/**
 * Crash safety of the API's writes: `marsad serve` killed with SIGKILL while clients are
 * posting articles leaves a sound store; restarted on it, a client that posts again whatever
 * it got no answer for ends with every article stored exactly once and the same events as a
 * clean run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type NewsArticle, reportedEvents } from './event-fixtures.js';
import { type CliProcess, marsad, spawnMarsad, tempDir, waitFor } from './helpers.js';
import { articleCount, eventSignatures, expectSoundStore, storedIds } from './store-checks.js';

const TOKEN = 'crash-test-token';
const GROUPS = 36;
const PER_GROUP = 5;
const CLIENTS = 8;

interface Batch {
  index: number;
  articles: NewsArticle[];
}

/** Batches of 1 to 5 articles; a batch of one is posted as a bare article. */
function batches(all: NewsArticle[]): Batch[] {
  const out: Batch[] = [];
  for (let i = 0, k = 0; i < all.length; k++) {
    const size = [1, 3, 2, 5, 4][k % 5]!;
    out.push({ index: k, articles: all.slice(i, i + size) });
    i += size;
  }
  return out;
}

function wire({ group: _group, ...a }: NewsArticle) {
  return a;
}

class HttpFailure extends Error {}

/** Posts a batch; returns each article's status. A network error rejects with a TypeError. */
async function post(base: string, batch: Batch): Promise<string[]> {
  const body =
    batch.articles.length === 1 ? wire(batch.articles[0]!) : { articles: batch.articles.map(wire) };
  const res = await fetch(`${base}/api/articles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  if (res.status !== 200) throw new HttpFailure(`batch ${batch.index}: ${res.status} ${text}`);
  return (JSON.parse(text) as { articles: { status: string }[] }).articles.map((a) => a.status);
}

/** A client with `CLIENTS` requests in flight; after the first network error it sends no more. */
class Client {
  readonly acked = new Map<number, string[]>();
  readonly lost: number[] = [];
  readonly httpErrors: string[] = [];
  inFlight = 0;
  private down = false;

  constructor(private readonly base: string) {}

  async run(todo: Batch[]): Promise<void> {
    const queue = [...todo];
    const worker = async () => {
      while (!this.down && queue.length) {
        const b = queue.shift()!;
        this.inFlight++;
        try {
          this.acked.set(b.index, await post(this.base, b));
        } catch (e) {
          if (e instanceof HttpFailure) this.httpErrors.push(e.message);
          else this.lost.push(b.index);
          this.down = true;
        } finally {
          this.inFlight--;
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, worker));
  }
}

async function startServe(db: string): Promise<{ server: CliProcess; base: string }> {
  const server = spawnMarsad(['serve', '--db', db, '--port', '0', '--quiet'], { MARSAD_TOKEN: TOKEN });
  const base = await waitFor(() => {
    if (server.child.exitCode !== null) throw new Error(`serve exited: ${server.stderr()}`);
    return /serving sqlite store on (http:\/\/\S+)/.exec(server.stdout())?.[1];
  }, 'serve to listen');
  return { server, base };
}

describe('serve killed while articles are posted', () => {
  it('resumes after SIGKILL with every article stored exactly once and the events of a clean run', async () => {
    const all = reportedEvents(GROUPS, PER_GROUP);
    const N = all.length;
    const todo = batches(all);
    const dir = tempDir();
    const db = join(dir, 'store.sqlite');

    // 1. Post everything, and kill the server once a third is stored.
    const first = await startServe(db);
    const client = new Client(first.base);
    const posting = client.run(todo);
    await waitFor(
      () => {
        if (first.server.child.exitCode !== null) throw new Error(`serve exited: ${first.server.stderr()}`);
        return articleCount(db) >= N / 3;
      },
      `${Math.ceil(N / 3)} articles stored`,
    );
    const inFlightAtKill = client.inFlight;
    first.server.child.kill('SIGKILL');
    expect((await first.server.exited).signal).toBe('SIGKILL');
    await posting;

    expect(client.httpErrors).toEqual([]);
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(client.lost.length).toBeGreaterThan(0);
    const afterKill = articleCount(db);
    expect(afterKill).toBeGreaterThanOrEqual(N / 3);
    expect(afterKill).toBeLessThan(N);
    // The store as the crash left it: sound, and every acknowledged article is in it.
    expectSoundStore(db, { everyArticleReports: true });
    const stored = storedIds(db);
    for (const [index] of client.acked)
      for (const a of todo[index]!.articles) expect(stored.get(a.id), `acknowledged ${a.id}`).toBe(1);

    // 2. Restart on the same store; post again every batch without an answer, and some with one.
    const second = await startServe(db);
    const again = todo.filter((b) => !client.acked.has(b.index) || b.index % 4 === 0);
    const retry = new Client(second.base);
    await retry.run(again);
    expect(retry.httpErrors).toEqual([]);
    expect(retry.lost).toEqual([]);
    expect(retry.acked.size).toBe(again.length);
    const statuses = [...retry.acked.values()].flat();
    expect(statuses.filter((s) => s === 'failed')).toEqual([]);
    // Nothing stored before the crash is stored again: exactly the missing articles are new.
    expect(statuses.filter((s) => s === 'new').length).toBe(N - afterKill);
    for (const [index, st] of retry.acked)
      if (client.acked.has(index)) expect(st, `batch ${index}`).toEqual(st.map(() => 'duplicate'));
    second.server.child.kill('SIGTERM');
    expect(await second.server.exited).toEqual({ code: 0, signal: null });

    const ids = storedIds(db);
    expect(ids.size).toBe(N);
    expect([...ids.values()].every((n) => n === 1)).toBe(true);
    expectSoundStore(db, { everyArticleReports: true });

    // 3. A clean run over the same articles gives the same events.
    const input = join(dir, 'articles.jsonl');
    writeFileSync(input, all.map((a) => JSON.stringify(wire(a))).join('\n') + '\n');
    const clean = join(dir, 'clean.sqlite');
    const ref = marsad(['ingest', input, '--db', clean, '-q']);
    expect(ref.stdout).toMatch(new RegExp(`read ${N}, new ${N}, duplicate 0, failed 0, events ${GROUPS},`));
    const signatures = eventSignatures(db);
    expect(signatures).toHaveLength(GROUPS);
    expect(signatures).toEqual(eventSignatures(clean));
  }, 120_000);
});

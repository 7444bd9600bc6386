import { describe, expect, it } from 'vitest';
import { eventPlace, PLACES, queueArticles } from '../scripts/queue-data.js';
import { matchEvents } from '../src/dedup/match.js';
import { createExtractor } from '../src/extract/index.js';
import { ingestItems } from '../src/ingest/pipeline.js';
import type { SourceItem } from '../src/ingest/sources.js';
import { SqliteRepository } from '../src/store/sqlite/repository.js';

const extractor = createExtractor();

describe('the queue test and benchmark articles', () => {
  it('place every event in its town, country and region, the day before publication', () => {
    // Two full rounds of towns, every wording of the reports, with background paragraphs.
    const articles = queueArticles(2 * PLACES.length, 3, 2);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    for (const a of articles) {
      const k = Number(/^e(\d+)r\d+$/.exec(a.id)![1]);
      const place = eventPlace(k);
      const events = extractor.extract({ ...a, lang: 'ar' }).events;
      const day = new Date(Date.parse(`${place.published}T00:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10);
      expect(
        events.map((e) => [e.country, e.admin1, e.event_date]),
        a.id,
      ).toEqual([[place.country, place.admin1, day]]);
    }
  });

  it('make exactly one stored event per event, with every report merged into it', async () => {
    const [EVENTS, REPORTS] = [60, 3];
    const repo = new SqliteRepository(':memory:');
    await repo.migrate();
    async function* items(): AsyncGenerator<SourceItem> {
      for (const a of queueArticles(EVENTS, REPORTS))
        yield { ok: true, item: { origin: a.id, article: { ...a, lang: 'ar' } } };
    }
    const s = await ingestItems(repo, items(), async (a) => extractor.extract(a));
    expect(s).toMatchObject({ new: EVENTS * REPORTS, failed: 0, events: EVENTS });
    const events = (await repo.listEvents({ limit: 1000 })).events;
    expect(events.map((e) => e.reportCount)).toEqual(events.map(() => REPORTS));
    expect(new Set(events.map((e) => e.event.country)).size).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < events.length; i++)
      for (let j = i + 1; j < events.length; j++)
        expect(matchEvents(events[i]!.event, events[j]!.event).ok).toBe(false);
    await repo.close();
  });
});

/**
 * Storing an article's events: each event either joins the best-matching event already in the
 * store (another outlet's report of it) or becomes a new event. Runs inside one store
 * transaction, so two workers storing reports of one event at once still end with one event.
 */
import type { Event } from '../model/event.js';
import type {
  EventArea,
  EventOutcome,
  NewArticle,
  Report,
  ReportWithArticle,
  StoredEvent,
  StoreResult,
  StoreTx,
} from '../store/types.js';
import { MAX_DAYS_WEEK, matchEvents, shiftDate } from './match.js';
import { mergeReports, sourcesOf } from './merge.js';

interface Candidate {
  id: string;
  event: Event;
  articleIds: number[];
}

function bestMatch(event: Event, candidates: readonly Candidate[], articleId: number) {
  let best: { id: string; score: number; reason: string } | null = null;
  for (const c of candidates) {
    // Two events of one article were kept apart by the extractor: never merge them here.
    if (c.articleIds.includes(articleId)) continue;
    const m = matchEvents(event, c.event);
    if (m.ok && (!best || m.score > best.score || (m.score === best.score && c.id < best.id)))
      best = { id: c.id, score: m.score, reason: m.reason };
  }
  return best;
}

/** Where the events an event could merge with are: its country, its date ± MAX_DAYS_WEEK. */
function areaOf(event: Event): EventArea | null {
  if (!event.country || !event.event_date) return null;
  return {
    country: event.country,
    dateFrom: shiftDate(event.event_date, -MAX_DAYS_WEEK),
    dateTo: shiftDate(event.event_date, MAX_DAYS_WEEK),
  };
}

/** Tells the store, before the first candidate search, every area the events will search. */
async function lockAreas(tx: StoreTx, events: readonly Event[]): Promise<void> {
  const areas = events.map(areaOf).filter((a): a is EventArea => a !== null);
  if (areas.length && tx.lockAreas) await tx.lockAreas(areas);
}

async function candidatesFor(tx: StoreTx, event: Event): Promise<StoredEvent[]> {
  const area = areaOf(event);
  return area ? tx.candidateEvents(area.country, area.dateFrom, area.dateTo) : [];
}

/** Recomputes a merged event from its reports (read unless given); deletes it when none is left. */
async function refresh(tx: StoreTx, eventId: string, known?: ReportWithArticle[]) {
  const reports = known ?? (await tx.reportsOf(eventId));
  if (!reports.length) {
    await tx.deleteEvent(eventId);
    return;
  }
  const values = reports.map((r) => ({
    event: r.event,
    source: r.article.source ?? hostOf(r.article.url),
  }));
  await tx.updateEvent(eventId, mergeReports(values), sourcesOf(values), [
    ...new Set(reports.map((r) => r.articleId)),
  ]);
}

/** Attaches one extracted event of an article to the store. */
async function attach(
  tx: StoreTx,
  articleId: number,
  index: number,
  event: Event,
  source: string | undefined,
  reusable: Candidate[] = [],
): Promise<EventOutcome> {
  const stored = await candidatesFor(tx, event);
  const candidates: Candidate[] = stored.map((s) => ({ id: s.id, event: s.event, articleIds: s.articleIds }));
  const match = bestMatch(event, candidates, articleId);
  if (match) {
    await tx.insertReport(match.id, articleId, index, event, match.reason);
    await refresh(tx, match.id);
    return { eventId: match.id, merged: true, reason: match.reason };
  }
  // Re-extraction: an event this article alone reported before keeps its id.
  const again = bestMatch(event, reusable, -1);
  if (again) {
    reusable.splice(
      reusable.findIndex((c) => c.id === again.id),
      1,
    );
    await tx.insertReport(again.id, articleId, index, event, '');
    await refresh(tx, again.id);
    return { eventId: again.id, merged: false, reason: 're-extracted' };
  }
  const id = await tx.insertEvent(event, source ? [source] : [], [articleId]);
  await tx.insertReport(id, articleId, index, event, '');
  return { eventId: id, merged: false, reason: '' };
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** Stores an article and its events (unless the same URL or content is already stored). */
export async function recordArticle(
  tx: StoreTx,
  article: NewArticle,
  events: readonly Event[],
): Promise<StoreResult> {
  // The events come with the article: it is extracted as soon as it is stored.
  const articleId = await tx.insertArticle(article, new Date().toISOString());
  if (articleId === null) {
    const existing = await tx.findArticle(article.canonicalUrl, article.contentHash);
    if (!existing) throw new Error(`article ${article.extId}: stored already, but not found`);
    const why = existing.contentHash === article.contentHash ? 'same content' : 'same URL';
    return { status: 'duplicate', articleId: existing.id, duplicateOf: why, events: [] };
  }
  const source = article.source ?? hostOf(article.url);
  await lockAreas(tx, events);
  const outcomes: EventOutcome[] = [];
  for (const [i, e] of events.entries()) {
    outcomes.push(await attach(tx, articleId, i, e, source));
  }
  return { status: 'new', articleId, events: outcomes };
}

/**
 * Replaces an article's reports with a new extraction. Events keep their ids: a report that
 * still matches its old event goes back to it.
 */
export async function reextractArticle(
  tx: StoreTx,
  articleId: number,
  events: readonly Event[],
): Promise<EventOutcome[]> {
  const article = await tx.findArticleById(articleId);
  if (!article) throw new Error(`no article ${articleId}`);
  const source = article.source ?? hostOf(article.url);
  const old: Report[] = await tx.reportsOfArticle(articleId);
  const reusable: Candidate[] = [];
  const touched = new Set<string>();
  for (const r of old) {
    await tx.deleteReport(r.id);
    touched.add(r.eventId);
  }
  for (const id of touched) {
    const rest = await tx.reportsOf(id);
    if (rest.length) await refresh(tx, id, rest);
    else {
      const prior = old.find((r) => r.eventId === id)!;
      reusable.push({ id, event: prior.event, articleIds: [] });
    }
  }
  await lockAreas(tx, events);
  const outcomes: EventOutcome[] = [];
  for (const [i, e] of events.entries()) {
    // The article's own earlier events are not candidates for a merge with itself.
    outcomes.push(await attach(tx, articleId, i, e, source, reusable));
  }
  for (const c of reusable) await tx.deleteEvent(c.id);
  await tx.markExtracted(articleId, new Date().toISOString());
  return outcomes;
}

import type { ArticleInput, ArticleOutput, Event } from '../model/event.js';
import { createDoc } from '../text/doc.js';
import type { Doc } from '../text/types.js';
import { annotate } from './annotate.js';
import { type ExtractContext, loadContext } from './context.js';
import { frameToEvent } from './events.js';
import { buildFrames } from './frames.js';
import { articlePlace } from './place.js';
import { articleDate, dropOutOfTime, mergeFrames } from './refine.js';
import { findTally } from './tally.js';

export type { ExtractContext } from './context.js';

/** The extractor: resources loaded once, then `extract` per article (pure, thread-safe). */
export interface Extractor {
  context: ExtractContext;
  extract(article: ArticleInput): ArticleOutput;
  /** The analysed document and the events (for tools that show spans). */
  analyse(article: ArticleInput): { doc: Doc; events: Event[] };
}

/** Events below this confidence are not reported. */
export const MIN_CONFIDENCE = 0.2;

/**
 * The pipeline: document → classifiers (numbers, dates, places, actors, triggers, cues) →
 * frames → refiners (time filter, merge) → events with evidence.
 */
export function runPipeline(ctx: ExtractContext, article: ArticleInput): { doc: Doc; events: Event[] } {
  const doc = createDoc({
    id: article.id,
    text: article.text,
    title: article.title,
    published: article.published?.slice(0, 10),
    lang: article.lang,
    url: article.url,
    source: article.source,
  });
  if (!doc.tokens.length) return { doc, events: [] };
  const ann = annotate(doc, ctx);
  let frames = buildFrames(doc, ann, ctx);
  frames = dropOutOfTime(doc, ann, frames);
  frames = mergeFrames(frames);
  const defaults = { place: articlePlace(doc, ann), date: articleDate(doc, ann), tally: findTally(doc, ann) };
  const events = frames.map((f) => frameToEvent(doc, ann, ctx, f, defaults));
  // The lead event of an article is the one it is written about; further events (round-ups,
  // background incidents, consequences) are real less often: their confidence is lowered.
  for (let i = 1; i < events.length; i++) {
    const e = events[i]!;
    e.confidence = Math.round(Math.max(0.05, e.confidence - 0.12) * 100) / 100;
  }
  return { doc, events: events.filter((e) => e.confidence >= MIN_CONFIDENCE) };
}

export function createExtractor(ctx: ExtractContext = loadContext()): Extractor {
  return {
    context: ctx,
    extract(article) {
      const { doc, events } = runPipeline(ctx, article);
      return { id: article.id, lang: doc.lang, events };
    },
    analyse(article) {
      return runPipeline(ctx, article);
    },
  };
}

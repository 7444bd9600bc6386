import type { ArticleInput, ArticleOutput } from '../model/event.js';

/** The extractor (being built; returns no events yet). */
export interface Extractor {
  extract(article: ArticleInput): ArticleOutput;
}

export function createExtractor(): Extractor {
  return {
    extract(article) {
      return { id: article.id, lang: article.lang ?? 'ar', events: [] };
    },
  };
}

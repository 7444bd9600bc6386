/**
 * Scoring cross-report deduplication: over every pair of articles, gold says whether they report
 * the same event (same cluster); the store says so when they share an event id.
 */
import type { Repository } from '../store/types.js';

export interface DedupScore {
  pairs: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Pairs merged wrongly and pairs missed, for inspection. */
  falseMerges: [string, string][];
  missed: [string, string][];
}

export function scoreDedup(
  gold: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, ReadonlySet<string>>,
): DedupScore {
  const ids = [...gold.keys()].sort();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const falseMerges: [string, string][] = [];
  const missed: [string, string][] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i]!;
      const b = ids[j]!;
      const same = gold.get(a) === gold.get(b);
      const ea = predicted.get(a) ?? new Set<string>();
      const eb = predicted.get(b) ?? new Set<string>();
      const merged = [...ea].some((e) => eb.has(e));
      if (same && merged) tp++;
      else if (!same && merged) {
        fp++;
        falseMerges.push([a, b]);
      } else if (same && !merged) {
        fn++;
        missed.push([a, b]);
      }
    }
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    pairs: (ids.length * (ids.length - 1)) / 2,
    tp,
    fp,
    fn,
    precision,
    recall,
    f1,
    falseMerges,
    missed,
  };
}

/** For every stored article (by its caller id), the ids of the events it reports. */
export async function articleEvents(repo: Repository): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  let cursor: string | undefined;
  for (;;) {
    const page = await repo.listEvents({ limit: 500, cursor });
    for (const e of page.events) {
      const full = await repo.getEvent(e.id);
      for (const r of full?.reports ?? []) {
        const a = await repo.getArticle(r.articleId);
        if (!a) continue;
        if (!out.has(a.extId)) out.set(a.extId, new Set());
        out.get(a.extId)!.add(e.id);
      }
    }
    if (!page.next) return out;
    cursor = page.next;
  }
}

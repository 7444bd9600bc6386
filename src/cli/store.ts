/** Shared by the commands that use the store: which database, and the extraction function. */
import { createExtractor } from '../extract/index.js';
import { ExtractorPool } from '../extract/pool.js';
import type { ExtractFn } from '../ingest/pipeline.js';
import { type OpenOptions, openStore, resolveDb } from '../store/open.js';
import type { Repository } from '../store/types.js';

export const DB_HELP = `      --db PATH|URL      the store: a SQLite file or a postgres:// URL (default:
                         $MARSAD_DB, else ~/.local/share/marsad/marsad.sqlite)`;

export async function openFromFlag(db: string | undefined, opts: OpenOptions = {}): Promise<Repository> {
  return openStore(resolveDb(db), opts);
}

/**
 * An extraction function on `jobs` worker threads (1: in this thread, unless `offThread`), and
 * how to stop it. `offThread` keeps this thread free while an article is extracted: a queue
 * worker holds store transactions (and their locks) open on it, which must not wait for
 * extraction to give the thread back.
 */
export async function extractionFor(
  jobs: number,
  offThread = false,
): Promise<{ extract: ExtractFn; close: () => Promise<void> }> {
  if ((jobs > 1 || offThread) && ExtractorPool.available()) {
    const pool = await ExtractorPool.create(jobs);
    let seq = 0;
    return {
      extract: async (a) => {
        const r = await pool.extract(seq++, a);
        if (!r.ok) throw new Error(`extraction failed: ${r.error}`);
        return r.output;
      },
      close: () => pool.close(),
    };
  }
  const extractor = createExtractor();
  return { extract: async (a) => extractor.extract(a), close: async () => {} };
}

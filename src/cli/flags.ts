/** Flags several commands share, validated into usage errors. */
import { parsePublished } from '../ingest/read-articles.js';
import { UsageError } from './errors.js';

/** --jobs N (1 to 64), or undefined when not given. */
export function optionalJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError('--jobs must be an integer from 1 to 64');
  return n;
}

export function parseJobs(value: string | undefined, fallback: number): number {
  return optionalJobs(value) ?? fallback;
}

/** --published YYYY-MM-DD (or an ISO timestamp), or undefined when not given. */
export function publishedFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return parsePublished(value);
  } catch (e) {
    throw new UsageError(`--published: ${(e as Error).message}`);
  }
}

/**
 * A CSV of articles: a header row naming the columns (`text` required — `body` or `content`
 * also accepted — and `id`, `title`, `published`, `url`, `source`, `lang`), one article per row.
 * Streams; a bad row is reported with its line number and the others go on.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { InputItem } from './read-articles.js';
import { validateArticle } from './read-articles.js';

const ALIASES: Record<string, string> = {
  body: 'text',
  content: 'text',
  date: 'published',
  headline: 'title',
};

export async function* readCsv(path: string): AsyncGenerator<InputItem> {
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      columns: (header: string[]) =>
        header.map((h) => ALIASES[h.trim().toLowerCase()] ?? h.trim().toLowerCase()),
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: 10 * 1024 * 1024,
      info: true,
    }),
  );
  // Rows the parser cannot read (an unclosed quote, a record too large) are skipped and reported.
  const skipped: InputItem[] = [];
  parser.on('skip', (err: Error & { lines?: number }) => {
    skipped.push({ ok: false, line: err.lines ?? 0, error: `bad CSV row (${err.message})` });
  });
  let columnsChecked = false;
  try {
    for await (const rec of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      yield* skipped.splice(0);
      const line = rec.info.lines;
      if (!columnsChecked) {
        columnsChecked = true;
        if (!('text' in rec.record)) {
          yield { ok: false, line: 1, error: 'no "text" column in the header (text, body or content)' };
          return;
        }
      }
      const row: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(rec.record)) if (v !== '' && v !== undefined) row[k] = v;
      try {
        const article = validateArticle(row);
        if (!article.text.trim()) throw new Error('empty text');
        if (!article.id) article.id = `line-${line}`;
        yield { ok: true, line, article };
      } catch (e) {
        yield { ok: false, line, error: (e as Error).message };
      }
    }
  } catch (e) {
    const err = e as Error & { lines?: number };
    yield { ok: false, line: err.lines ?? 0, error: `CSV: ${err.message}` };
  }
  yield* skipped.splice(0);
}

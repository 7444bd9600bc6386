import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { ArticleWriter, OUTPUT_FORMATS, type OutputFormat } from '../export/writer.js';
import { createExtractor, type Extractor } from '../extract/index.js';
import { ExtractorPool, type Result } from '../extract/pool.js';
import { InputError } from '../ingest/charset.js';
import {
  type InputItem,
  isJsonlPath,
  jsonlFileStream,
  readJsonl,
  readTextFile,
  textArticle,
} from '../ingest/read-articles.js';
import type { ArticleInput } from '../model/event.js';
import { UsageError } from './errors.js';
import { optionalJobs, publishedFlag } from './flags.js';

export const EXTRACT_HELP = `Usage: marsad extract [FILE] [options]

Reads an article (a .txt file), many articles (a .jsonl file, one JSON object per line:
{"id", "text", "title"?, "published"?, "lang"?, "url"?, "source"?}), or standard input,
and writes the events found in each article.

Options:
  -i, --input FILE       input file (.txt or .jsonl); default: the FILE argument, or stdin
  -o, --output FILE      output file; default: stdout
  -f, --format FORMAT    jsonl (default) | json | csv | geojson
  -p, --published DATE   publication date YYYY-MM-DD for text input (anchor for "أمس", "yesterday")
      --lang ar|en       language of text input (detected when absent)
  -j, --jobs N           worker threads for .jsonl input (default: all cores for large files)
  -h, --help             show this help
Bad lines of a .jsonl input are reported on stderr with their line number; the other lines are
still processed, and the exit code is 1 at the end.`;

async function readStdin(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks);
}

async function* bufferItems(items: InputItem[]): AsyncGenerator<InputItem> {
  yield* items;
}

export interface ExtractIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export async function runExtract(argv: string[], io: ExtractIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      input: { type: 'string', short: 'i' },
      output: { type: 'string', short: 'o' },
      format: { type: 'string', short: 'f', default: 'jsonl' },
      published: { type: 'string', short: 'p' },
      lang: { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(EXTRACT_HELP + '\n');
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError('extract takes one input file (use a .jsonl file for many articles)');
  const inputPath = values.input ?? positionals[0];
  const format = values.format as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format))
    throw new UsageError(`unknown --format "${values.format}" (jsonl, json, csv, geojson)`);
  const published = publishedFlag(values.published);
  if (values.lang !== undefined && values.lang !== 'ar' && values.lang !== 'en') {
    throw new UsageError('--lang must be ar or en');
  }
  const jobs = optionalJobs(values.jobs);

  // Build the stream of input items.
  let items: AsyncGenerator<InputItem>;
  let large = false;
  let source = inputPath ?? 'stdin';
  if (inputPath && inputPath !== '-') {
    let st: Awaited<ReturnType<typeof stat>>;
    try {
      st = await stat(inputPath);
    } catch {
      throw new InputError(`${inputPath}: no such file`);
    }
    if (st.isDirectory()) throw new InputError(`${inputPath}: is a folder (give a .txt or .jsonl file)`);
    if (isJsonlPath(inputPath)) {
      items = readJsonl(jsonlFileStream(inputPath));
      large = st.size > 2 * 1024 * 1024;
    } else {
      let article: ArticleInput;
      try {
        article = await readTextFile(inputPath, published);
      } catch (e) {
        throw new InputError(`${inputPath}: ${(e as Error).message}`);
      }
      if (values.lang) article.lang = values.lang as 'ar' | 'en';
      items = bufferItems([{ ok: true, line: 0, article }]);
    }
  } else {
    source = 'stdin';
    const bytes = await readStdin(io.stdin);
    const head = bytes.subarray(0, 64).toString('utf8').trimStart();
    if (head.startsWith('{')) {
      const { Readable } = await import('node:stream');
      items = readJsonl(Readable.from([bytes.toString('utf8')]));
    } else {
      let article: ArticleInput;
      try {
        article = textArticle(bytes, 'stdin', published);
      } catch (e) {
        throw new InputError(`stdin: ${(e as Error).message}`);
      }
      if (values.lang) article.lang = values.lang as 'ar' | 'en';
      items = bufferItems([{ ok: true, line: 0, article }]);
    }
  }

  const out = values.output ? createWriteStream(values.output) : io.stdout;
  const writer = new ArticleWriter(out, format);
  await writer.begin();
  let failed = 0;
  const reportError = (line: number, msg: string) => {
    failed++;
    io.stderr.write(`marsad: ${source}${line ? `:${line}` : ''}: ${msg}\n`);
  };
  const withPublished = (a: ArticleInput): ArticleInput =>
    a.published || !published ? a : { ...a, published };

  const workers = jobs ?? (large ? Math.max(1, availableParallelism()) : 1);
  if (workers > 1 && ExtractorPool.available()) {
    const pool = await ExtractorPool.create(workers);
    try {
      await runPooled(pool, items, workers * 4, writer, reportError, withPublished);
    } finally {
      await pool.close();
    }
  } else {
    const extractor: Extractor = createExtractor();
    for await (const item of items) {
      if (!item.ok) {
        reportError(item.line, item.error);
        continue;
      }
      try {
        await writer.article(extractor.extract(withPublished(item.article)), item.article.source);
      } catch (e) {
        reportError(item.line, `extraction failed: ${(e as Error).message}`);
      }
    }
  }
  await writer.end();
  if (values.output)
    await new Promise<void>((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
  if (failed) io.stderr.write(`marsad: ${failed} input item(s) failed\n`);
  return failed ? 1 : 0;
}

/** Runs items through the pool with at most `maxInFlight` pending, writing outputs in input order. */
async function runPooled(
  pool: ExtractorPool,
  items: AsyncGenerator<InputItem>,
  maxInFlight: number,
  writer: ArticleWriter,
  reportError: (line: number, msg: string) => void,
  prepare: (a: ArticleInput) => ArticleInput,
): Promise<void> {
  const queue: { item: InputItem; result: Promise<Result> | null }[] = [];
  let seq = 0;
  const flushOne = async () => {
    const head = queue.shift()!;
    if (!head.item.ok) {
      reportError(head.item.line, head.item.error);
      return;
    }
    const r = await head.result!;
    if (r.ok) await writer.article(r.output, head.item.article.source);
    else reportError(head.item.line, `extraction failed: ${r.error}`);
  };
  for await (const item of items) {
    queue.push({ item, result: item.ok ? pool.extract(seq++, prepare(item.article)) : null });
    while (queue.length >= maxInFlight) await flushOne();
  }
  while (queue.length) await flushOne();
}

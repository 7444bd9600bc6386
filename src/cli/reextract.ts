import { parseArgs } from 'node:util';
import { reextractArticle } from '../dedup/record.js';
import { DB_HELP, extractionFor, openFromFlag } from './store.js';

export const REEXTRACT_HELP = `Usage: marsad reextract [options]

Runs extraction again over every stored article (after a lexicon or rule update) and updates
the events. An event keeps its id as long as a report still describes it.

Options:
${DB_HELP}
  -h, --help             show this help`;

export async function runReextract(argv: string[], io = process): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(REEXTRACT_HELP + '\n');
    return 0;
  }
  const repo = await openFromFlag(values.db);
  const extraction = await extractionFor(1);
  let articles = 0;
  let kept = 0;
  let created = 0;
  let merged = 0;
  try {
    for (let after = 0; ; ) {
      const ids = await repo.articleIds(after, 200);
      if (!ids.length) break;
      for (const id of ids) {
        const a = await repo.getArticle(id);
        if (!a) continue;
        const out = await extraction.extract({
          id: a.extId,
          text: a.text,
          title: a.title,
          published: a.published,
          lang: a.lang,
          url: a.url,
          source: a.source,
        });
        const outcomes = await repo.transaction((tx) => reextractArticle(tx, id, out.events));
        articles++;
        for (const o of outcomes) {
          if (o.merged) merged++;
          else if (o.reason === 're-extracted') kept++;
          else created++;
        }
      }
      after = ids[ids.length - 1]!;
    }
    io.stdout.write(
      `re-extracted ${articles} article(s): ${kept} event(s) kept their id, ${merged} merged, ${created} new\n`,
    );
    return 0;
  } finally {
    await extraction.close();
    await repo.close();
  }
}

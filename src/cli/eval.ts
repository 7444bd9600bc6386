/** `marsad eval`: score extraction against gold data (../shared/eval/README.md). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  evaluate,
  metricsTable,
  parseGold,
  parseInputs,
  parsePredictions,
  readJsonl,
  runExtractor,
  type SetReport,
} from '../eval/index.js';
import { createExtractor } from '../extract/index.js';

const HELP = `Usage: marsad eval --gold G.jsonl (--input I.jsonl | --pred P.jsonl) [--report R.json] [--set NAME]

Scores extraction against gold data and prints the metrics.
  --gold FILE     gold records (JSONL): per-event ({"id", "relevant", "events": [...]}) or per-document ({"id", "doc": {...}})
  --input FILE    articles (JSONL); the extractor is run on each
  --pred FILE     predictions (JSONL, the output of marsad extract: {"id", "events": [...]})
  --report FILE   write the full JSON report (metrics and per-record details) here
  --set NAME      name of the set in the report (default: from the gold file name)
  -h, --help      show this help`;

/** The set name from a gold file name: "dev/ar-snn.gold.jsonl" → "ar-snn". */
function setName(goldPath: string): string {
  return basename(goldPath)
    .replace(/\.jsonl?$/, '')
    .replace(/\.gold$/, '');
}

function evaluateFromArgs(argv: string[]): { report: SetReport; reportPath?: string } | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      gold: { type: 'string' },
      input: { type: 'string' },
      pred: { type: 'string' },
      report: { type: 'string' },
      set: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length) throw new Error(`unexpected argument "${positionals[0]}"`);
  if (!values.gold) throw new Error('--gold is required');
  if (!values.input === !values.pred) throw new Error('give exactly one of --input and --pred');
  const set = values.set ?? setName(values.gold);
  const gold = parseGold(readJsonl(values.gold), values.gold);
  let report: SetReport;
  if (values.input) {
    const inputs = parseInputs(readJsonl(values.input), values.input);
    const { predictions, errors } = runExtractor(inputs, createExtractor());
    report = evaluate(set, gold, predictions);
    if (errors.length) report.extractor_errors = errors;
  } else {
    report = evaluate(set, gold, parsePredictions(readJsonl(values.pred!), values.pred));
  }
  return values.report ? { report, reportPath: values.report } : { report };
}

export async function runEval(argv: string[]): Promise<number> {
  let result: ReturnType<typeof evaluateFromArgs>;
  try {
    result = evaluateFromArgs(argv);
  } catch (err) {
    process.stderr.write(`marsad eval: ${(err as Error).message}\n`);
    return 2;
  }
  if (result === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const { report, reportPath } = result;
  process.stdout.write(`${metricsTable([report], { full: true })}\n`);
  if (report.unknown_prediction_ids) {
    process.stdout.write(
      `note: ${report.unknown_prediction_ids} prediction id(s) not in the gold were ignored\n`,
    );
  }
  if (report.extractor_errors?.length) {
    process.stdout.write(
      `note: the extractor failed on ${report.extractor_errors.length} input(s) (scored as no events), first: ${report.extractor_errors[0]!.id}: ${report.extractor_errors[0]!.error}\n`,
    );
  }
  if (reportPath) {
    try {
      mkdirSync(dirname(reportPath), { recursive: true });
      writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    } catch (err) {
      process.stderr.write(`marsad eval: cannot write ${reportPath}: ${(err as Error).message}\n`);
      return 2;
    }
    process.stdout.write(`report: ${reportPath}\n`);
  }
  return 0;
}

/**
 * Property-based tests (fast-check) with hostile Unicode: mixed scripts, RTL/LTR marks,
 * zero-width characters, combining marks, lone surrogates, tatweel, Arabic-Indic digits, very
 * long tokens. Nothing may crash, offsets stay inside the text, and every event is valid.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, type Extractor } from '../src/extract/index.js';
import { readJsonl } from '../src/ingest/read-articles.js';
import { EVENT_TYPES, eventTypeOf } from '../src/model/taxonomy.js';
import { parseEventFilter } from '../src/store/filter.js';
import { StoreInputError } from '../src/store/ids.js';
import { queryWords, searchDocument } from '../src/store/search-text.js';
import { createDoc } from '../src/text/doc.js';

const PIECES = [
  'قتل',
  'خمسة',
  'مدنيين',
  'أمس',
  'في',
  'قصف',
  'على',
  'مدينة',
  'الحسكة',
  'بالحسكة',
  'وللمسلحين',
  'داعش',
  '٣٠',
  '۱۲',
  '2024-03-12',
  'killed',
  'five',
  'civilians',
  'in',
  'Aleppo',
  'on',
  'Monday',
  'IS',
  'SDF',
  '\u200f',
  '\u200e',
  '\u200c',
  '\u200d',
  '\ufeff',
  '\u0651',
  '\u064b',
  '\u0640',
  'e\u0301',
  '\ud800',
  '\udc00',
  '😀',
  '«',
  '»',
  '،',
  '؛',
  '.',
  ',',
  '(',
  ')',
  '-',
  '\n',
  ' ',
  '  ',
  '\t',
  'ـــــ',
  'ال'.repeat(40),
  '9'.repeat(60),
];

const hostileText = fc
  .array(
    fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }), fc.fullUnicodeString({ maxLength: 6 })),
    {
      maxLength: 80,
    },
  )
  .map((parts) => parts.join(' '));

let extractor: Extractor;
beforeAll(() => {
  extractor = createExtractor();
});

describe('fuzzing', () => {
  it('the document: tokens and sentences keep offsets inside the text', () => {
    fc.assert(
      fc.property(
        hostileText,
        fc.constantFrom<'ar' | 'en' | undefined>('ar', 'en', undefined),
        (text, lang) => {
          const doc = createDoc({ text, lang });
          for (const t of doc.tokens) {
            expect(t.start).toBeGreaterThanOrEqual(0);
            expect(t.end).toBeLessThanOrEqual(text.length);
            expect(t.start).toBeLessThanOrEqual(t.end);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the extractor: never throws; events are valid and their evidence points into the text', () => {
    fc.assert(
      fc.property(
        hostileText,
        fc.option(hostileText, { nil: undefined }),
        fc.constantFrom('2024-03-12', '2016-02-29', undefined),
        (text, title, published) => {
          const out = extractor.extract({ id: 'f', text, title, published });
          for (const e of out.events) {
            expect(EVENT_TYPES).toContain(e.event_type);
            expect(eventTypeOf(e.sub_event_type)).toBe(e.event_type);
            expect(e.confidence).toBeGreaterThanOrEqual(0);
            expect(e.confidence).toBeLessThanOrEqual(1);
            expect(Number.isInteger(e.fatalities) && e.fatalities >= 0).toBe(true);
            expect(e.event_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            for (const ev of e.evidence) {
              const source = ev.part === 'title' ? (title ?? '') : text;
              expect(ev.start).toBeGreaterThanOrEqual(0);
              expect(ev.end).toBeLessThanOrEqual(source.length);
              expect(source.slice(ev.start, ev.end)).toBe(ev.text);
            }
          }
        },
      ),
      { numRuns: 250 },
    );
  });

  it('the JSONL reader: any line is an article or a line error, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.json(), fc.fullUnicodeString({ maxLength: 40 }), hostileText), {
          maxLength: 10,
        }),
        async (lines) => {
          const items = [];
          for await (const it of readJsonl(Readable.from([lines.join('\n')]))) items.push(it);
          for (const it of items) {
            if (it.ok) expect(typeof it.article.text).toBe('string');
            else expect(it.error.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('query parameters: a filter is built or refused with a clear error, never a crash', () => {
    const keys = [
      'country',
      'admin1',
      'event_type',
      'actor',
      'date_from',
      'date_to',
      'bbox',
      'q',
      'min_fatalities',
      'limit',
      'cursor',
      'x',
    ];
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...keys),
          fc.oneof(hostileText, fc.fullUnicodeString({ maxLength: 30 })),
        ),
        (params) => {
          try {
            parseEventFilter(params);
          } catch (e) {
            expect(e).toBeInstanceOf(StoreInputError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('search text: any input gives words without spaces or FTS syntax characters', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        for (const w of [...queryWords(text), ...searchDocument(text).split(' ').filter(Boolean)]) {
          expect(w).not.toMatch(/[\s"*():^]/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

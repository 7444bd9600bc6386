import { describe, expect, it } from 'vitest';
import { createDoc } from './doc.js';
import { localOffset } from './types.js';

describe('tokens and clitics', () => {
  it('segments Arabic proclitics and keeps offsets into the original', () => {
    const text = 'وبالحسكة قُتل جنديان، وللجيش رأي آخر.';
    const doc = createDoc({ text });
    expect(doc.lang).toBe('ar');
    for (const t of doc.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    const t0 = doc.tokens[0]!;
    expect(t0.text).toBe('وبالحسكة');
    expect(t0.prefix).toBe('وبال');
    expect(t0.stem).toBe('حسكه');
    expect(t0.forms).toContain('حسكه');
    const army = doc.tokens.find((t) => t.text === 'وللجيش')!;
    expect(army.forms).toContain('جيش');
    expect(army.prefix).toBe('ولل');
  });
  it('offers readings with and without an attached pronoun', () => {
    const doc = createDoc({ text: 'قواتها' });
    expect(doc.tokens[0]!.forms).toContain('قوات');
  });
  it('does not strip letters that leave a stem too short', () => {
    const doc = createDoc({ text: 'بلد' });
    expect(doc.tokens[0]!.forms[0]).toBe('بلد');
    expect(doc.tokens[0]!.forms).not.toContain('');
  });
  it('tokenises English with possessives and numbers with separators', () => {
    const doc = createDoc({ text: "The army's convoy lost 1,200 men on Jan. 5." });
    expect(doc.lang).toBe('en');
    expect(doc.tokens.map((t) => t.text)).toEqual([
      'The',
      "army's",
      'convoy',
      'lost',
      '1,200',
      'men',
      'on',
      'Jan',
      '.',
      '5',
      '.',
    ]);
    expect(doc.tokens[1]!.forms).toContain('army');
  });
});

describe('sentences', () => {
  it('splits Arabic at full stops, question marks, semicolons and newlines', () => {
    const doc = createDoc({ text: 'قتل خمسة أشخاص؛ وأصيب عشرة. هل انتهت المعارك؟ لا\nسطر جديد' });
    const ss = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
    expect(ss).toEqual(['قتل خمسة أشخاص؛', 'وأصيب عشرة.', 'هل انتهت المعارك؟', 'لا', 'سطر جديد']);
    expect(doc.sentences[4]!.paragraph).toBe(1);
  });
  it('keeps a quotation in «» together', () => {
    const doc = createDoc({ text: 'وقال المتحدث «قتلنا عشرة. وأسرنا اثنين» ثم غادر.' });
    expect(doc.sentences.length).toBe(1);
  });
  it('does not split English abbreviations and initials', () => {
    const doc = createDoc({ text: 'Mr. Smith met Gen. Haftar in the U.S. embassy. Then he left.' });
    expect(doc.sentences.length).toBe(2);
  });
  it('puts the title first and maps offsets back to title and body', () => {
    const doc = createDoc({ title: 'عنوان الخبر', text: 'نص الخبر هنا.' });
    expect(doc.sentences[0]!.part).toBe('title');
    expect(doc.sentences[1]!.part).toBe('text');
    const body = doc.tokens.find((t) => t.text === 'نص')!;
    expect(localOffset(doc, body.start)).toEqual({ part: 'text', offset: 0 });
    expect(localOffset(doc, 0)).toEqual({ part: 'title', offset: 0 });
  });
  it('handles empty and whitespace-only text', () => {
    expect(createDoc({ text: '' }).tokens).toEqual([]);
    expect(createDoc({ text: '  \n ' }).sentences).toEqual([]);
  });
});

describe('shared word analyses', () => {
  it('gives the tokens of one word the same forms array', () => {
    const doc = createDoc({
      text: 'قصفت الطائرات القرية ثم قصفت الطائرات. Shelling, shelling and Shelling.',
    });
    const [a, b] = doc.tokens.filter((t) => t.text === 'الطائرات');
    expect(a!.forms).toBe(b!.forms);
    expect(a!.forms).toContain('طايرات'); // normalised: ئ → ي
    const en = doc.tokens.filter((t) => t.norm === 'shelling');
    expect(en).toHaveLength(3);
    expect(new Set(en.map((t) => t.forms)).size).toBe(1);
  });
});

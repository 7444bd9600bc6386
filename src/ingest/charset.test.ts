import { describe, expect, it } from 'vitest';
import { decodeText, detectCharset, InputError, looksBinary } from './charset.js';

function encode1256(text: string): Uint8Array {
  const dec = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

describe('charset detection', () => {
  const ar = 'اشتباكات عنيفة في مدينة الحسكة';
  it('decodes UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode(ar);
    expect(detectCharset(bytes)).toBe('utf-8');
    expect(decodeText(bytes)).toBe(ar);
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeText(bom)).toBe(ar);
  });
  it('decodes windows-1256', () => {
    const bytes = encode1256(ar);
    expect(detectCharset(bytes)).toBe('windows-1256');
    expect(decodeText(bytes)).toBe(ar);
  });
  it('decodes UTF-16 LE with a BOM and without one', () => {
    const le = Buffer.from(ar, 'utf16le');
    expect(decodeText(Uint8Array.from([0xff, 0xfe, ...le]))).toBe(ar);
    expect(detectCharset(le)).toBe('utf-16le');
    expect(decodeText(le)).toBe(ar);
  });
  it('refuses binary data', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(looksBinary(png)).toBe(true);
    expect(() => decodeText(png)).toThrow(InputError);
  });
});

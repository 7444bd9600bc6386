/**
 * Decoding of article bytes: UTF-8 (with or without BOM), UTF-16 LE/BE (by BOM or by NUL pattern),
 * and windows-1256, the Arabic code page much older news still comes in. Binary data is refused.
 */

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export type Charset = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';

/** True when the bytes look like binary data rather than text (NUL bytes or many control characters). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control / n > 0.1;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Guesses the charset of a text file's bytes. */
export function detectCharset(bytes: Uint8Array): Charset {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  // UTF-16 without BOM: every other byte is NUL for Latin text, or 0x06 for Arabic.
  if (bytes.length >= 8) {
    let evenZero = 0;
    let oddZero = 0;
    const n = Math.min(bytes.length, 4096) & ~1;
    for (let i = 0; i < n; i += 2) {
      if (bytes[i] === 0 || bytes[i] === 6) evenZero++;
      if (bytes[i + 1] === 0 || bytes[i + 1] === 6) oddZero++;
    }
    if (oddZero > n * 0.35 && evenZero < n * 0.05) return 'utf-16le';
    if (evenZero > n * 0.35 && oddZero < n * 0.05) return 'utf-16be';
  }
  if (isValidUtf8(bytes)) return 'utf-8';
  return 'windows-1256';
}

/** Decodes bytes to a string, refusing binary data. */
export function decodeText(bytes: Uint8Array, charset: Charset = detectCharset(bytes)): string {
  if (charset === 'utf-8' && looksBinary(bytes)) throw new InputError('binary data, not text');
  if (charset === 'windows-1256' && looksBinary(bytes)) throw new InputError('binary data, not text');
  let text = new TextDecoder(charset).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/** The charset a response declares: its Content-Type, else a `<meta>` or `<?xml encoding?>` near the start. */
export function declaredCharset(contentType: string | undefined, bytes: Uint8Array): string | undefined {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  if (fromHeader) return fromHeader[1]!.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

/**
 * Decodes a fetched body. A BOM, valid UTF-8 or UTF-16 win over what the page declares (servers
 * often declare the wrong one); otherwise the declared single-byte charset (ISO-8859-6, say) is
 * used when it is one the decoder knows, and windows-1256 when nothing useful is declared.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string): string {
  const detected = detectCharset(bytes);
  if (detected !== 'windows-1256') return decodeText(bytes, detected);
  const declared = declaredCharset(contentType, bytes);
  let decoder: TextDecoder | undefined;
  try {
    if (declared) decoder = new TextDecoder(declared);
  } catch {
    decoder = undefined;
  }
  if (!decoder || decoder.encoding.startsWith('utf-')) return decodeText(bytes, 'windows-1256');
  if (looksBinary(bytes)) throw new InputError('binary data, not text');
  return decoder.decode(bytes);
}

/** Event ids: `MRS` followed by the store's sequence number, assigned once and kept on merge. */
export const EVENT_ID_PREFIX = 'MRS';

export function eventId(seq: number): string {
  return `${EVENT_ID_PREFIX}${seq}`;
}

/** The sequence number of an event id, or null when it is not one of ours. */
export function eventSeq(id: string): number | null {
  const m = /^MRS(\d{1,15})$/i.exec(id.trim());
  return m ? Number(m[1]) : null;
}

/** Cursors are opaque to users: base64url of a small JSON value. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string, check: (v: unknown) => v is T): T {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new StoreInputError('invalid cursor');
  }
  if (!check(v)) throw new StoreInputError('invalid cursor');
  return v;
}

/** A request the store refuses (bad cursor, bad filter): the caller's mistake, not a failure. */
export class StoreInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreInputError';
  }
}

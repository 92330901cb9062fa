// Splits a byte stream into lines (JSONL), one at a time, so a file of any size is read in constant
// memory; a line longer than the limit is reported rather than held.

export interface JsonLine {
  /** 1-based line number. */
  readonly number: number;
  readonly text: string;
  /** Why the line cannot be read (too long), else null. */
  readonly error: string | null;
  /** Bytes of the stream read up to the end of this line. */
  readonly bytesRead: number;
}

/** A ListenBrainz listen is a few hundred bytes to a few KB; a megabyte is no listen. */
export const MAX_LINE_BYTES = 1 << 20;

/** The non-blank lines of the stream (blank lines are skipped but counted). */
export async function* jsonLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<JsonLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let number = 0;
  let offset = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      number += 1;
      const piece = chunk.subarray(start, nl);
      const line = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      pendingBytes = 0;
      start = nl + 1;
      const item = toLine(line, number, offset + start);
      if (item !== null) yield item;
    }
    offset += chunk.length;
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > MAX_LINE_BYTES) {
        yield {
          number: number + 1,
          text: '',
          error: `a line longer than ${MAX_LINE_BYTES} bytes`,
          bytesRead: offset,
        };
        return;
      }
    }
  }
  if (pending.length > 0) {
    const item = toLine(Buffer.concat(pending), number + 1, offset);
    if (item !== null) yield item;
  }
}

function toLine(bytes: Buffer, number: number, bytesRead: number): JsonLine | null {
  const text = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r$/, '');
  if (text.trim() === '') return null;
  if (bytes.length > MAX_LINE_BYTES)
    return { number, text: '', error: `a line longer than ${MAX_LINE_BYTES} bytes`, bytesRead };
  return { number, text, error: null, bytesRead };
}

// A JSON array read from a stream of bytes in batches of mapped elements, in constant memory; a broken
// array or zip stops with a CorruptExportError naming the element and byte, as every export reader says it.
import { CorruptExportError } from '../../domain/history/history-errors.js';
import { JsonArrayScanner, JsonScanError, type ScannedObject } from './json-array-scanner.js';
import { ZipFormatError } from './zip-archive.js';

export interface MappedBatch<T> {
  readonly items: T[];
  /** Bytes read so far, for progress. */
  readonly bytesRead: number;
}

/**
 * `toItems` turns one element into what it holds (a row, or a page's listens); `element` names an
 * element in messages ("row", "listen", "page").
 */
export async function* jsonArrayBatches<T>(
  label: string,
  bytes: () => AsyncIterable<Buffer>,
  batchSize: number,
  element: string,
  toItems: (object: ScannedObject) => readonly T[],
): AsyncGenerator<MappedBatch<T>> {
  const scanner = new JsonArrayScanner();
  let items: T[] = [];
  let bytesRead = 0;
  try {
    for await (const chunk of bytes()) {
      bytesRead += chunk.length;
      for (const object of scanner.push(chunk)) {
        items.push(...toItems(object));
        if (items.length >= batchSize) {
          yield { items, bytesRead };
          items = [];
        }
      }
    }
    scanner.end();
  } catch (error) {
    if (error instanceof JsonScanError) {
      const where = error.element === null ? '' : `${element} ${error.element + 1}, `;
      throw new CorruptExportError(label, `${where}byte ${error.offset}`, error.message, error);
    }
    if (error instanceof ZipFormatError)
      throw new CorruptExportError(label, `byte ${bytesRead}`, error.message, error);
    throw error;
  }
  if (items.length > 0) yield { items, bytesRead };
}

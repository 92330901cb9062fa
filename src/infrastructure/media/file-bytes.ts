// Reading a few bytes of a music file at an offset, and what the audio-range finders return and throw.
import type { FileHandle } from 'node:fs/promises';

export interface ByteRange {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/** A header or chunk that runs past the file's end, or a container without audio. */
export class TruncatedFileError extends Error {}

/** Up to `length` bytes at `at`; fewer at the end of the file. */
export async function bytes(file: FileHandle, at: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, at);
  return buffer.subarray(0, bytesRead);
}

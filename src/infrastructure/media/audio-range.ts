// Which bytes of a music file are its audio, so the audio hash ignores tags: WAV hashes its `data`
// chunk; FLAC everything after its metadata blocks; MP4/M4A its `mdat` payloads (tags live in `moov`);
// Ogg the packets after the codec's header packets (page headers left out: their checksums and
// sequence numbers change when the comment packet grows); MP3 and the rest the file without a leading
// ID3v2 tag and trailing ID3v1 / APEv2 tags.
import type { FileHandle } from 'node:fs/promises';
import { bytes, TruncatedFileError, type ByteRange } from './file-bytes.js';
import { oggAudioRanges } from './ogg-audio.js';

/** The audio's byte ranges, in file order; the audio hash is the hash of their bytes one after another. */
export async function audioRanges(file: FileHandle, size: number): Promise<ByteRange[]> {
  const head = await bytes(file, 0, 12);
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WAVE') {
    return [await riffData(file, size)];
  }
  if (head.toString('latin1', 4, 8) === 'ftyp') return mp4MediaData(file, size);
  if (head.toString('latin1', 0, 4) === 'OggS') {
    const ranges = await oggAudioRanges(file, size);
    if (ranges !== null) return ranges;
  }
  let start = await afterId3v2(file, size);
  const magic = await bytes(file, start, 4);
  if (magic.toString('latin1') === 'fLaC') start = await afterFlacMetadata(file, start + 4, size);
  const end = await beforeTrailingTags(file, start, size);
  if (end <= start) throw new TruncatedFileError('no audio data after the tags');
  return [{ start, end }];
}

/**
 * The payloads of the top-level `mdat` atoms of an MP4/M4A file: the coded audio. Tags (`moov/udta/meta/
 * ilst`), the sample tables that point into `mdat`, padding (`free`) and any other atom are left out.
 */
async function mp4MediaData(file: FileHandle, size: number): Promise<ByteRange[]> {
  const ranges: ByteRange[] = [];
  let at = 0;
  while (at < size) {
    const header = await bytes(file, at, 16);
    if (header.length < 8) throw new TruncatedFileError('an MP4 atom header is cut short');
    let length = header.readUInt32BE(0);
    let headerLength = 8;
    if (length === 1) {
      if (header.length < 16) throw new TruncatedFileError('an MP4 atom header is cut short');
      length = Number(header.readBigUInt64BE(8));
      headerLength = 16;
    } else if (length === 0) {
      length = size - at; // the last atom runs to the end of the file
    }
    if (length < headerLength) throw new TruncatedFileError(`an MP4 atom at byte ${at} has a bad size`);
    if (at + length > size) {
      throw new TruncatedFileError(
        `the MP4 atom "${header.toString('latin1', 4, 8)}" runs past the end of the file`,
      );
    }
    if (header.toString('latin1', 4, 8) === 'mdat' && length > headerLength) {
      ranges.push({ start: at + headerLength, end: at + length });
    }
    at += length;
  }
  if (ranges.length === 0) throw new TruncatedFileError('the MP4 file has no media data (mdat)');
  return ranges;
}

/** Past any leading ID3v2 tags (10-byte header, syncsafe size, a 10-byte footer when flagged). */
async function afterId3v2(file: FileHandle, size: number): Promise<number> {
  let at = 0;
  for (;;) {
    const header = await bytes(file, at, 10);
    if (header.length < 10 || header.toString('latin1', 0, 3) !== 'ID3') return at;
    const length = (header[6]! << 21) | (header[7]! << 14) | (header[8]! << 7) | header[9]!;
    at += 10 + length + ((header[5]! & 0x10) !== 0 ? 10 : 0);
    if (at > size) throw new TruncatedFileError('the ID3v2 tag runs past the end of the file');
  }
}

/** FLAC metadata blocks: a 4-byte header each (last-block flag, type, 24-bit length). */
async function afterFlacMetadata(file: FileHandle, from: number, size: number): Promise<number> {
  let at = from;
  for (;;) {
    const header = await bytes(file, at, 4);
    if (header.length < 4) throw new TruncatedFileError('the FLAC metadata ends early');
    at += 4 + ((header[1]! << 16) | (header[2]! << 8) | header[3]!);
    if (at > size) throw new TruncatedFileError('a FLAC metadata block runs past the end of the file');
    if ((header[0]! & 0x80) !== 0) return at;
  }
}

/** Before an ID3v1 tag (`TAG`, 128 bytes) and an APEv2 tag (`APETAGEX` footer), in either order. */
async function beforeTrailingTags(file: FileHandle, start: number, size: number): Promise<number> {
  let end = size;
  for (let pass = 0; pass < 2; pass += 1) {
    if (end - start >= 128 && (await bytes(file, end - 128, 3)).toString('latin1') === 'TAG') end -= 128;
    if (end - start >= 32) {
      const footer = await bytes(file, end - 32, 32);
      if (footer.toString('latin1', 0, 8) === 'APETAGEX') {
        const hasHeader = (footer.readUInt32LE(20) & 0x80000000) !== 0;
        end -= footer.readUInt32LE(12) + (hasHeader ? 32 : 0);
      }
    }
  }
  return end;
}

/** The first `data` chunk of a RIFF/WAVE file: its samples, whatever LIST or id3 chunks surround it. */
async function riffData(file: FileHandle, size: number): Promise<ByteRange> {
  let at = 12;
  while (at + 8 <= size) {
    const header = await bytes(file, at, 8);
    const length = header.readUInt32LE(4);
    if (header.toString('latin1', 0, 4) === 'data') {
      if (at + 8 + length > size)
        throw new TruncatedFileError('the WAVE data chunk runs past the end of the file');
      return { start: at + 8, end: at + 8 + length };
    }
    at += 8 + length + (length % 2);
  }
  throw new TruncatedFileError('the WAVE file has no data chunk');
}

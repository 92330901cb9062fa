// The audio packets of an Ogg file, without the codec's header packets (identification, comment, setup)
// and without the page headers. A tag change rewrites the comment packet, which can change how many
// pages it takes, so every later page's sequence number and checksum; the packets' bytes stay the same.
import type { FileHandle } from 'node:fs/promises';
import { bytes, TruncatedFileError, type ByteRange } from './file-bytes.js';

/** Page header: capture pattern, version, flags, granule, serial, sequence, checksum, segment count. */
const PAGE_HEADER = 27;

/**
 * Byte ranges of the first logical stream's audio packets, in order; null for a codec whose header
 * packets are not known here (the caller then hashes the file as a whole).
 */
export async function oggAudioRanges(file: FileHandle, size: number): Promise<ByteRange[] | null> {
  const ranges: ByteRange[] = [];
  let serial: number | null = null;
  let headerPackets: number | null = null;
  let packet = 0;
  let at = 0;
  while (at < size) {
    const header = await bytes(file, at, PAGE_HEADER + 255);
    if (header.length < PAGE_HEADER || header.toString('latin1', 0, 4) !== 'OggS') {
      throw new TruncatedFileError(`the Ogg page at byte ${at} is cut short or damaged`);
    }
    const segments = header[26]!;
    if (header.length < PAGE_HEADER + segments) {
      throw new TruncatedFileError(`the Ogg page at byte ${at} is cut short`);
    }
    const lacing = header.subarray(PAGE_HEADER, PAGE_HEADER + segments);
    const bodyStart = at + PAGE_HEADER + segments;
    const bodyLength = lacing.reduce((sum, value) => sum + value, 0);
    if (bodyStart + bodyLength > size) {
      throw new TruncatedFileError(`the Ogg page at byte ${at} runs past the end of the file`);
    }
    const pageSerial = header.readUInt32LE(14);
    serial ??= pageSerial;
    if (pageSerial === serial) {
      headerPackets ??= await headerPacketCount(file, bodyStart);
      if (headerPackets === null) return null;
      let offset = bodyStart;
      for (const value of lacing) {
        if (packet >= headerPackets && value > 0) addRange(ranges, offset, offset + value);
        offset += value;
        if (value < 255) packet += 1;
      }
    }
    at = bodyStart + bodyLength;
  }
  if (ranges.length === 0) throw new TruncatedFileError('the Ogg file has no audio packets');
  return ranges;
}

/** Contiguous segments (one page's packets) make one range. */
function addRange(ranges: ByteRange[], start: number, end: number): void {
  const last = ranges[ranges.length - 1];
  if (last !== undefined && last.end === start) ranges[ranges.length - 1] = { start: last.start, end };
  else ranges.push({ start, end });
}

/** How many header packets the stream's codec starts with, from its first packet; null when unknown. */
async function headerPacketCount(file: FileHandle, firstPacket: number): Promise<number | null> {
  const id = await bytes(file, firstPacket, 80);
  if (id.toString('latin1', 0, 7) === '\u0001vorbis') return 3; // identification, comment, setup
  if (id.toString('latin1', 0, 8) === 'OpusHead') return 2; // OpusHead, OpusTags
  if (id.toString('latin1', 0, 5) === '\u007fFLAC' && id.length >= 9) {
    const more = id.readUInt16BE(7); // the header packets after this one; 0 means "not said"
    return more === 0 ? null : 1 + more;
  }
  if (id.toString('latin1', 0, 8) === 'Speex   ' && id.length >= 80) return 2 + id.readUInt32LE(76);
  return null;
}

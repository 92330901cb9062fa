// Small REAL audio files for the library tests: an ID3v2.4 tag built frame by frame, silent MPEG-1
// Layer III frames, and a RIFF/WAVE PCM file carrying the same tag in an `id3 ` chunk.
import { writeFileSync } from 'node:fs';

export interface TestTags {
  readonly title?: string;
  readonly artist?: string;
  readonly album?: string;
  readonly track?: string;
  readonly disc?: string;
  readonly genre?: string;
  readonly isrc?: string;
  readonly recordingMbid?: string;
  readonly releaseMbid?: string;
  readonly artistMbid?: string;
}

function syncsafe(size: number): Buffer {
  return Buffer.from([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
}

function frame(id: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(id, 'latin1'), syncsafe(body.length), Buffer.from([0, 0]), body]);
}

/** A UTF-8 text frame (encoding byte 3). */
function text(id: string, value: string): Buffer {
  return frame(id, Buffer.concat([Buffer.from([3]), Buffer.from(value, 'utf8')]));
}

function txxx(description: string, value: string): Buffer {
  return frame(
    'TXXX',
    Buffer.concat([
      Buffer.from([3]),
      Buffer.from(description, 'utf8'),
      Buffer.from([0]),
      Buffer.from(value, 'utf8'),
    ]),
  );
}

/** An ID3v2.4 tag: the frames music-metadata maps to title, artists, album, numbers, ISRC and MBIDs. */
export function id3v24(tags: TestTags): Buffer {
  const frames: Buffer[] = [];
  if (tags.title !== undefined) frames.push(text('TIT2', tags.title));
  if (tags.artist !== undefined) frames.push(text('TPE1', tags.artist));
  if (tags.album !== undefined) frames.push(text('TALB', tags.album));
  if (tags.track !== undefined) frames.push(text('TRCK', tags.track));
  if (tags.disc !== undefined) frames.push(text('TPOS', tags.disc));
  if (tags.genre !== undefined) frames.push(text('TCON', tags.genre));
  if (tags.isrc !== undefined) frames.push(text('TSRC', tags.isrc));
  if (tags.recordingMbid !== undefined) {
    const owner = Buffer.from('http://musicbrainz.org\0', 'latin1');
    frames.push(frame('UFID', Buffer.concat([owner, Buffer.from(tags.recordingMbid, 'latin1')])));
  }
  if (tags.releaseMbid !== undefined) frames.push(txxx('MusicBrainz Album Id', tags.releaseMbid));
  if (tags.artistMbid !== undefined) frames.push(txxx('MusicBrainz Artist Id', tags.artistMbid));
  const body = Buffer.concat(frames);
  return Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([4, 0, 0]), syncsafe(body.length), body]);
}

/** `count` silent MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz, stereo: 417 bytes each, 26 ms each. */
export function silentMpegFrames(count: number, fill = 0): Buffer {
  const one = Buffer.alloc(417, 0);
  one.set([0xff, 0xfb, 0x90, 0x00]);
  // Main data past the side information: zero is silence; `fill` makes a different "recording".
  one.fill(fill, 40);
  return Buffer.concat(Array.from({ length: count }, () => one));
}

export function mp3Bytes(tags: TestTags, options: { frames?: number; fill?: number } = {}): Buffer {
  return Buffer.concat([id3v24(tags), silentMpegFrames(options.frames ?? 40, options.fill ?? 0)]);
}

function chunk(id: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  const pad = body.length % 2 === 1 ? Buffer.from([0]) : Buffer.alloc(0);
  return Buffer.concat([header, body, pad]);
}

/** RIFF/WAVE, 16-bit mono PCM at 8 kHz, `samples` samples of `level`, tags in an `id3 ` chunk. */
export function wavBytes(tags: TestTags, options: { samples?: number; level?: number } = {}): Buffer {
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0); // PCM
  fmt.writeUInt16LE(1, 2); // mono
  fmt.writeUInt32LE(8000, 4);
  fmt.writeUInt32LE(16000, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const data = Buffer.alloc((options.samples ?? 8000) * 2);
  for (let i = 0; i < data.length; i += 2) data.writeInt16LE(options.level ?? 0, i);
  const body = Buffer.concat([
    Buffer.from('WAVE', 'latin1'),
    chunk('fmt ', fmt),
    chunk('data', data),
    chunk('id3 ', id3v24(tags)),
  ]);
  return chunk('RIFF', body);
}

export function writeMp3(path: string, tags: TestTags, options?: { frames?: number; fill?: number }): void {
  writeFileSync(path, mp3Bytes(tags, options));
}

export function writeWav(path: string, tags: TestTags, options?: { samples?: number; level?: number }): void {
  writeFileSync(path, wavBytes(tags, options));
}

function flacBlock(type: number, last: boolean, body: Buffer): Buffer {
  const header = Buffer.from([
    (last ? 0x80 : 0) | type,
    (body.length >> 16) & 0xff,
    (body.length >> 8) & 0xff,
    body.length & 0xff,
  ]);
  return Buffer.concat([header, body]);
}

/** STREAMINFO: 4096-sample blocks, 44.1 kHz, stereo, 16 bit, `samples` in all, no MD5. */
function streamInfo(samples: number): Buffer {
  const body = Buffer.alloc(34);
  body.writeUInt16BE(4096, 0);
  body.writeUInt16BE(4096, 2);
  // sample rate (20 bits) | channels - 1 (3) | bits per sample - 1 (5) | total samples (36)
  const packed = (44100n << 44n) | (1n << 41n) | (15n << 36n) | BigInt(samples);
  body.writeBigUInt64BE(packed, 10);
  return body;
}

function vorbisComment(tags: TestTags): Buffer {
  const fields = Object.entries({
    TITLE: tags.title,
    ARTIST: tags.artist,
    ALBUM: tags.album,
    ISRC: tags.isrc,
    MUSICBRAINZ_TRACKID: tags.recordingMbid,
  }).flatMap(([key, value]) => (value === undefined ? [] : [Buffer.from(`${key}=${value}`, 'utf8')]));
  const vendor = Buffer.from('narada tests', 'utf8');
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  return Buffer.concat([
    u32(vendor.length),
    vendor,
    u32(fields.length),
    ...fields.flatMap((f) => [u32(f.length), f]),
  ]);
}

/**
 * A FLAC file's container: STREAMINFO, a Vorbis comment with the tags, then `frames` stand-in bytes
 * after a frame sync code. The tag reader reads the container and never decodes the frames.
 */
export function flacBytes(tags: TestTags, options: { fill?: number } = {}): Buffer {
  const frames = Buffer.alloc(2048, options.fill ?? 0);
  frames.set([0xff, 0xf8]);
  return Buffer.concat([
    Buffer.from('fLaC', 'latin1'),
    flacBlock(0, false, streamInfo(44100)),
    flacBlock(4, true, vorbisComment(tags)),
    frames,
  ]);
}

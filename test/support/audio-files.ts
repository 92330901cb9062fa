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

function atom(type: string, ...children: Buffer[]): Buffer {
  const body = Buffer.concat(children);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

/** A "full" atom: version and flags before the body. */
function fullAtom(type: string, body: Buffer, ...children: Buffer[]): Buffer {
  return atom(type, Buffer.alloc(4), body, ...children);
}

function u32s(...values: number[]): Buffer {
  const buffer = Buffer.alloc(values.length * 4);
  values.forEach((value, at) => buffer.writeUInt32BE(value, at * 4));
  return buffer;
}

/** An iTunes text item: `©nam`, or a freeform `----` item (com.apple.iTunes) for ISRC and MBIDs. */
function ilstItem(key: string, value: string): Buffer {
  const data = atom('data', u32s(1, 0), Buffer.from(value, 'utf8'));
  if (key.startsWith('©')) return atom(key, data);
  return atom(
    '----',
    fullAtom('mean', Buffer.from('com.apple.iTunes', 'utf8')),
    fullAtom('name', Buffer.from(key, 'utf8')),
    data,
  );
}

/**
 * A minimal M4A (MPEG-4 audio): `ftyp`, a `moov` with one AAC sound track and iTunes tags in
 * `udta/meta/ilst`, then `mdat` with `samples` stand-in AAC frames of `fill`. The tag reader reads the
 * atoms and never decodes the frames.
 */
export function m4aBytes(tags: TestTags, options: { fill?: number; samples?: number } = {}): Buffer {
  const samples = options.samples ?? 43; // 43 frames of 1024 samples at 44.1 kHz ≈ 1 s
  const frameSize = 64;
  const timescale = 44100;
  const duration = samples * 1024;
  const items = Object.entries({
    '©nam': tags.title,
    '©ART': tags.artist,
    '©alb': tags.album,
    '©gen': tags.genre,
    ISRC: tags.isrc,
    'MusicBrainz Track Id': tags.recordingMbid,
  }).flatMap(([key, value]) => (value === undefined ? [] : [ilstItem(key, value)]));
  if (tags.track !== undefined) {
    const trkn = Buffer.alloc(8);
    trkn.writeUInt16BE(Number(tags.track), 2);
    items.push(atom('trkn', atom('data', u32s(0, 0), trkn)));
  }
  const mvhd = fullAtom('mvhd', Buffer.concat([u32s(0, 0, timescale, duration), Buffer.alloc(80)]));
  const esds = fullAtom(
    'esds',
    // ES descriptor → decoder config (object type 0x40: MPEG-4 audio) → AAC LC, 44.1 kHz, stereo.
    Buffer.from([
      0x03, 0x19, 0, 1, 0, 0x04, 0x11, 0x40, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x05, 0x02, 0x12, 0x10,
      0x06, 0x01, 0x02,
    ]),
  );
  const mp4a = atom(
    'mp4a',
    Buffer.from([0, 0, 0, 0, 0, 0, 0, 1]), // reserved, data reference index 1
    Buffer.alloc(8),
    Buffer.from([0, 2, 0, 16, 0, 0, 0, 0]), // 2 channels, 16 bits
    u32s(timescale * 65536), // sample rate, 16.16 fixed point
    esds,
  );
  const stbl = atom(
    'stbl',
    fullAtom('stsd', u32s(1), mp4a),
    fullAtom('stts', u32s(1, samples, 1024)),
    fullAtom('stsc', u32s(1, 1, samples, 1)),
    fullAtom('stsz', u32s(frameSize, samples)),
    fullAtom('stco', u32s(1, 0)), // one chunk; its offset is never followed by the reader
  );
  const trak = atom(
    'trak',
    fullAtom('tkhd', Buffer.concat([u32s(0, 0, 1, 0, duration), Buffer.alloc(60)])),
    atom(
      'mdia',
      fullAtom('mdhd', u32s(0, 0, timescale, duration, 0x55c40000)),
      fullAtom('hdlr', Buffer.concat([u32s(0), Buffer.from('soun', 'latin1'), Buffer.alloc(13)])),
      atom('minf', fullAtom('smhd', u32s(0)), stbl),
    ),
  );
  const udta = atom(
    'udta',
    fullAtom(
      'meta',
      Buffer.alloc(0),
      fullAtom('hdlr', Buffer.concat([u32s(0), Buffer.from('mdirappl', 'latin1'), Buffer.alloc(9)])),
      atom('ilst', ...items),
    ),
  );
  const frames = Buffer.alloc(samples * frameSize, options.fill ?? 0);
  return Buffer.concat([
    atom('ftyp', Buffer.from('M4A ', 'latin1'), u32s(0), Buffer.from('M4A mp42isom', 'latin1')),
    atom('moov', mvhd, trak, udta),
    atom('mdat', frames),
  ]);
}

export function writeM4a(path: string, tags: TestTags, options?: { fill?: number; samples?: number }): void {
  writeFileSync(path, m4aBytes(tags, options));
}

/** Ogg's page checksum: CRC-32, polynomial 0x04c11db7, not reflected, initial value 0. */
const OGG_CRC = Array.from({ length: 256 }, (_, n) => {
  let r = n << 24;
  for (let i = 0; i < 8; i += 1) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
  return r >>> 0;
});

function oggCrc(page: Buffer): number {
  let crc = 0;
  for (const byte of page) crc = ((crc << 8) ^ OGG_CRC[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc;
}

/**
 * Ogg pages carrying `packets`: each header packet on pages of its own (a long one spans pages), the
 * audio packets several to a page; granule positions as given per packet (-1: none ends here).
 */
function oggPages(
  serial: number,
  packets: readonly { data: Buffer; granule: bigint }[],
  headers: number,
): Buffer {
  const pages: Buffer[] = [];
  let sequence = 0;
  let lacing: number[] = [];
  let body: Buffer[] = [];
  let granule = -1n;
  let continued = false;
  const flush = (last: boolean) => {
    const header = Buffer.alloc(27);
    header.write('OggS', 0, 'latin1');
    header[5] = (continued ? 1 : 0) | (sequence === 0 ? 2 : 0) | (last ? 4 : 0);
    header.writeBigInt64LE(granule, 6);
    header.writeUInt32LE(serial, 14);
    header.writeUInt32LE(sequence, 18);
    header[26] = lacing.length;
    const page = Buffer.concat([header, Buffer.from(lacing), ...body]);
    page.writeUInt32LE(oggCrc(page), 22);
    pages.push(page);
    sequence += 1;
    lacing = [];
    body = [];
    granule = -1n;
  };
  packets.forEach((packet, n) => {
    let rest = packet.data;
    continued = false;
    for (;;) {
      const take = Math.min(rest.length, 255);
      lacing.push(take);
      body.push(rest.subarray(0, take));
      rest = rest.subarray(take);
      if (take < 255) break;
      if (lacing.length === 255) {
        flush(false);
        continued = true;
      }
    }
    granule = packet.granule;
    const lastPacket = n === packets.length - 1;
    if (n < headers || lastPacket || lacing.length > 200) flush(lastPacket);
    continued = false;
  });
  return Buffer.concat(pages);
}

function oggComments(tags: TestTags): Buffer {
  return vorbisComment(tags);
}

/** Stand-in audio packets: `count` of 40 bytes of `fill` (the tag reader never decodes them). */
function audioPackets(
  count: number,
  fill: number,
  samplesEach: number,
  first: Buffer,
): { data: Buffer; granule: bigint }[] {
  return Array.from({ length: count }, (_, n) => {
    const data = Buffer.alloc(40, fill);
    first.copy(data);
    return { data, granule: BigInt((n + 1) * samplesEach) };
  });
}

/** An Ogg Opus file: OpusHead, OpusTags with the tags, then `packets` 20 ms audio packets. */
export function opusBytes(
  tags: TestTags,
  options: { fill?: number; packets?: number; padding?: number } = {},
): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'latin1');
  head[8] = 1; // version
  head[9] = 2; // channels
  head.writeUInt16LE(312, 10); // pre-skip
  head.writeUInt32LE(48000, 12);
  const opusTags = Buffer.concat([
    Buffer.from('OpusTags', 'latin1'),
    oggComments(tags),
    Buffer.alloc(options.padding ?? 0),
  ]);
  // TOC byte 0xfc: CELT fullband 20 ms, stereo, one frame.
  const audio = audioPackets(options.packets ?? 50, options.fill ?? 0, 960, Buffer.from([0xfc]));
  return oggPages(0x4e415241, [{ data: head, granule: 0n }, { data: opusTags, granule: 0n }, ...audio], 2);
}

/** An Ogg Vorbis file: identification, comment (the tags) and setup headers, then audio packets. */
export function vorbisBytes(
  tags: TestTags,
  options: { fill?: number; packets?: number; padding?: number } = {},
): Buffer {
  const id = Buffer.alloc(30);
  id.write('\u0001vorbis', 0, 'latin1');
  id.writeUInt32LE(0, 7); // version
  id[11] = 2; // channels
  id.writeUInt32LE(44100, 12);
  id.writeInt32LE(128000, 20); // nominal bitrate
  id[28] = 0xb8; // block sizes 256 and 2048
  id[29] = 1; // framing
  const comment = Buffer.concat([
    Buffer.from('\u0003vorbis', 'latin1'),
    oggComments(tags),
    Buffer.alloc(options.padding ?? 0),
    Buffer.from([1]),
  ]);
  const setup = Buffer.concat([Buffer.from('\u0005vorbis', 'latin1'), Buffer.alloc(32, 0x42)]);
  const audio = audioPackets(options.packets ?? 50, options.fill ?? 0, 1024, Buffer.from([0]));
  return oggPages(
    0x4e415242,
    [{ data: id, granule: 0n }, { data: comment, granule: 0n }, { data: setup, granule: 0n }, ...audio],
    3,
  );
}

export function writeOpus(
  path: string,
  tags: TestTags,
  options?: { fill?: number; packets?: number; padding?: number },
): void {
  writeFileSync(path, opusBytes(tags, options));
}

export function writeVorbis(
  path: string,
  tags: TestTags,
  options?: { fill?: number; packets?: number; padding?: number },
): void {
  writeFileSync(path, vorbisBytes(tags, options));
}

import { describe, expect, it } from '@jest/globals';
import type {
  MusicBrainzPort,
  MusicBrainzRecording,
  RecordingSearch,
} from '../../../src/application/ports/musicbrainz.port.js';
import { BatchedRecordingSource } from '../../../src/application/tracks/musicbrainz-recording-source.js';
import { Isrc } from '../../../src/domain/values/isrc.js';
import { Mbid } from '../../../src/domain/values/mbid.js';

const mbid = (n: number) => Mbid.parse(`5b11f4ce-a62d-471e-81fc-${n.toString(16).padStart(12, '0')}`);
const recording = (id: Mbid, isrcs: readonly Isrc[] = []): MusicBrainzRecording => ({
  id,
  title: `Recording ${id.value.slice(-2)}`,
  disambiguation: null,
  lengthMs: null,
  video: false,
  artistCredit: [],
  artists: [],
  isrcs,
  firstReleaseDate: null,
  releases: [],
  raw: {},
});

/** A MusicBrainz that knows ISRC 1 (recording 1) and recordings 1–3, and logs every call. */
function countingPort(): { port: MusicBrainzPort; calls: string[] } {
  const calls: string[] = [];
  const known = Isrc.parse('GBAAA9900001');
  const port = {
    recordingsByIsrcs: (isrcs: readonly Isrc[]) => {
      calls.push(`isrcs ${isrcs.map(String).join(',')}`);
      return Promise.resolve(
        new Map(
          isrcs.filter((i) => i.value === known.value).map((i) => [i.value, [recording(mbid(1), [i])]]),
        ),
      );
    },
    recordingsByIds: (ids: readonly Mbid[]) => {
      calls.push(`ids ${ids.length}`);
      return Promise.resolve(
        new Map(ids.filter((id) => id.value <= mbid(3).value).map((id) => [id.value, recording(id)])),
      );
    },
    searchRecordings: (search: RecordingSearch) => {
      calls.push(`search ${search.artist} – ${search.title}`);
      return Promise.resolve({ hits: [{ recording: recording(mbid(9)), score: 100 }], count: 1, offset: 0 });
    },
  } as unknown as MusicBrainzPort;
  return { port, calls };
}

describe('BatchedRecordingSource', () => {
  it('asks the coming ISRCs in one batch, then only the MBIDs of tracks their ISRC leaves unanswered', async () => {
    const { port, calls } = countingPort();
    const source = new BatchedRecordingSource(port);
    const [known, unknown] = [Isrc.parse('GBAAA9900001'), Isrc.parse('GBAAA9900002')];

    await source.prefetch([
      { isrc: known, mbids: [mbid(1)] },
      { isrc: unknown, mbids: [mbid(2), mbid(4)] },
      { isrc: null, mbids: [mbid(3), mbid(2)] },
    ]);
    expect(calls).toEqual([`isrcs ${known.value},${unknown.value}`, 'ids 3']);

    expect((await source.byIsrc(known)).map((r) => r.id.value)).toEqual([mbid(1).value]);
    expect(await source.byIsrc(unknown)).toEqual([]);
    expect((await source.byId(mbid(3)))?.id.value).toBe(mbid(3).value);
    expect(await source.byId(mbid(4))).toBeNull();
    expect(calls).toHaveLength(2);
    // Not prefetched: asked on its own, once.
    expect((await source.byId(mbid(1)))?.id.value).toBe(mbid(1).value);
    await source.byId(mbid(1));
    expect(calls).toEqual([`isrcs ${known.value},${unknown.value}`, 'ids 3', 'ids 1']);
  });

  it('searches each artist and title once per run, case and spacing aside', async () => {
    const { port, calls } = countingPort();
    const source = new BatchedRecordingSource(port);
    await Promise.all([source.search('Portishead', 'Roads'), source.search('portishead ', 'ROADS')]);
    await source.search('Portishead', '  Roads');
    await source.search('Portishead', 'Glory Box');
    expect(calls).toEqual(['search Portishead – Roads', 'search Portishead – Glory Box']);
  });
});

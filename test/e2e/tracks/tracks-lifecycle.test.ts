// The identity lifecycle as a user drives it: resolve a small library through the fake MusicBrainz,
// look at the evidence, decide the review queue, undo and redo a merge, pin a match by hand.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { IngestConnectorTracks } from '../../../src/application/tracks/ingest-connector-tracks.js';
import { createRepositories } from '../../../src/infrastructure/persistence/repositories.js';
import { aClock, aConnectorTrack } from '../../builders/index.js';
import { MusicBrainzCatalog } from '../../fakes/musicbrainz/musicbrainz-catalog.js';
import { openHomeDatabase, runNarada } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';

const catalog = new MusicBrainzCatalog();
const teardrop = catalog.addRecording({
  title: 'Teardrop',
  artists: ['Massive Attack'],
  isrcs: ['GBAAA9800001'],
  lengthMs: 330_000,
});
catalog.addRecording({ title: 'Roads', artists: ['Portishead'], lengthMs: 345_000 });
const glory = catalog.addRecording({ title: 'Glory Box', artists: ['Portishead'], lengthMs: 306_000 });

const fakes = useFakeServices({ musicbrainz: { catalog } });
const narada = (...args: string[]) => runNarada([...args, '--json'], { env: fakes.env });

beforeAll(async () => {
  const db = await openHomeDatabase(fakes.home);
  const repos = createRepositories(db);
  await new IngestConnectorTracks({
    tracks: repos.tracks,
    connectorTracks: repos.connectorTracks,
    mappings: repos.trackMappings,
    unitOfWork: repos.unitOfWork,
    clock: aClock(() => Date.now() - 60_000),
  }).run([
    aConnectorTrack({
      title: 'Teardrop',
      artists: ['Massive Attack'],
      isrc: 'GBAAA9800001',
      durationMs: 330_000,
    }),
    aConnectorTrack({
      service: 'lastfm',
      title: 'teardrop',
      artists: ['massive attack'],
      album: null,
      durationMs: null,
    }),
    aConnectorTrack({
      service: 'lastfm',
      title: 'Roads',
      artists: ['Portishead'],
      album: null,
      durationMs: 330_000,
    }),
    aConnectorTrack({
      service: 'lastfm',
      title: 'Glory Box (Sessions)',
      artists: ['Portishead Tribute Band'],
      durationMs: null,
    }),
  ]);
  await db.close();
});

describe('the track identity lifecycle through the CLI', () => {
  it('resolves the library: duplicates merged locally, ISRC matched, doubt queued, miss recorded', async () => {
    const result = await narada('tracks', 'resolve');

    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({
      pending: 4,
      local: { merged: 1 },
      musicbrainz: { tried: 3, accepted: { isrc: 1 }, review: 1, noMatch: 1 },
      remaining: 0,
      stopped: null,
    });
    expect(fakes.musicbrainz.maxRequestsInAnyWindow()).toBe(1);
  });

  it('shows every identity of a track found by words, with evidence', async () => {
    const result = await narada('tracks', 'show', 'teardrop', 'massive');

    expect(result.code).toBe(0);
    const report = result.json<{
      track: { id: number; status: string };
      identities: { mapping: Record<string, unknown> }[];
    }>();
    expect(report.track).toMatchObject({ id: 1, status: 'canonical' });
    expect(report.identities.map((i) => [i.mapping['service'], i.mapping['status']])).toEqual([
      ['lastfm', 'accepted'],
      ['musicbrainz', 'accepted'],
      ['spotify', 'accepted'],
    ]);
    expect(report.identities[1]?.mapping).toMatchObject({ externalId: teardrop.id, method: 'isrc' });
  });

  it('lists the review queue without a terminal, and accepts a candidate by its id', async () => {
    const queue = await runNarada(['tracks', 'review'], { env: fakes.env });
    expect(queue.code).toBe(0);
    expect(queue.stdout).toContain('Track 3: Portishead – Roads');
    expect(queue.stdout).toContain('3.1');

    const accepted = await narada('tracks', 'review', '--accept', '3.1');

    expect(accepted.code).toBe(0);
    expect((await narada('tracks', 'show', '3')).json()).toMatchObject({ track: { status: 'canonical' } });
    expect((await runNarada(['tracks', 'review'], { env: fakes.env })).stdout).toContain(
      'Nothing waits for review',
    );
  });

  it('undoes the local merge exactly and lets the user merge the tracks again', async () => {
    const undone = await narada('tracks', 'unmerge', '2');
    expect(undone.code).toBe(0);
    expect((await narada('tracks', 'show', '2')).json()).toMatchObject({
      track: { status: 'provisional', mergedInto: null },
      identities: [{ mapping: { service: 'lastfm', status: 'accepted' } }],
    });

    const again = await narada('tracks', 'merge', '1', '2');
    expect(again.code).toBe(0);
    expect(again.json()).toMatchObject({ survivorId: 1, mergedId: 2 });
    expect((await narada('tracks', 'unmerge', '1')).code).toBe(2);
  });

  it('pins a recording by hand, and later runs leave it alone', async () => {
    const pinned = await narada(
      'tracks',
      'pin',
      '4',
      'musicbrainz',
      `https://musicbrainz.org/recording/${glory.id}`,
    );
    expect(pinned.code).toBe(0);
    expect(pinned.json()).toMatchObject({ kind: 'linked', track: { id: 4, status: 'canonical' } });

    const rerun = await narada('tracks', 'resolve');
    expect(rerun.json()).toMatchObject({ pending: 0, musicbrainz: { tried: 0 } });
    const report = (await narada('tracks', 'show', '4')).json<{
      identities: { mapping: Record<string, unknown> }[];
    }>();
    expect(report.identities.find((i) => i.mapping['service'] === 'musicbrainz')?.mapping).toMatchObject({
      externalId: glory.id,
      pinned: true,
      method: 'manual',
    });
  });

  it('refuses a flag value that is not a count, with exit 2', async () => {
    const result = await narada('tracks', 'resolve', '--limit', '-3');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--limit');
  });
});

// Resolution through the real MusicBrainz client and the fake MusicBrainz (one request a second, for
// real): each test makes only the few requests its path needs.
import { afterEach, describe, expect, it } from '@jest/globals';
import { connectorKey, type ConnectorTrack } from '../../../src/domain/track/connector-track.js';
import type { Track } from '../../../src/domain/track/track.js';
import { aConnectorTrack, spotifyIdFor } from '../../builders/index.js';
import { MusicBrainzCatalog } from '../../fakes/musicbrainz/musicbrainz-catalog.js';
import { openMusicBrainzWorld, type MusicBrainzWorld } from './identity-test-kit.js';

const DAY = 86_400_000;
let world: MusicBrainzWorld | null = null;

afterEach(async () => {
  await world?.dispose();
  world = null;
});

async function ingested(w: MusicBrainzWorld, record: ConnectorTrack): Promise<Track> {
  const result = await w.ingest.run([record]);
  return result.tracks.get(connectorKey(record.service, record.externalId))!;
}

function mezzanine(catalog: MusicBrainzCatalog) {
  return catalog.addRecording({
    title: 'Teardrop',
    artists: ['Massive Attack'],
    isrcs: ['GBAAA9800001', 'GBAAA9800099'],
    lengthMs: 330_000,
    releases: [{ title: 'Mezzanine', date: '1998-04-20' }],
  });
}

describe('resolving tracks through MusicBrainz', () => {
  it('links a track by its ISRC with one batched search and makes it canonical', async () => {
    const catalog = new MusicBrainzCatalog();
    const recording = mezzanine(catalog);
    world = await openMusicBrainzWorld(catalog);
    const track = await ingested(
      world,
      aConnectorTrack({
        title: 'Teardrop',
        artists: ['Massive Attack'],
        isrc: 'GBAAA9800001',
        durationMs: 330_500,
      }),
    );

    const summary = await world.resolver().run();

    expect(summary.musicbrainz).toMatchObject({ tried: 1, accepted: { isrc: 1 }, review: 0, noMatch: 0 });
    expect(summary.remaining).toBe(0);
    expect(await world.stores.tracks.findById(track.id)).toMatchObject({
      status: 'canonical',
      mbid: { value: recording.id },
    });
    const [link] = await world.stores.mappings.find('musicbrainz', recording.id);
    expect(link).toMatchObject({ trackId: track.id, method: 'isrc', status: 'accepted' });
    expect(link?.evidence.notes.join(' ')).toContain('ISRC GBAAA9800001 names 1 recording');
    expect(await world.stores.connectorTracks.find('musicbrainz', recording.id)).toMatchObject({
      album: 'Mezzanine',
    });
    expect(world.calls.snapshot()).toEqual({ 'musicbrainz GET /recording?query=isrc': 1 });
  });

  it('finds a Last.fm track by searching artist and title, and marks it resolved', async () => {
    const catalog = new MusicBrainzCatalog();
    const roads = catalog.addRecording({ title: 'Roads', artists: ['Portishead'], lengthMs: 305_000 });
    catalog.addRecording({
      title: 'Roads',
      artists: ['Portishead'],
      disambiguation: 'live',
      lengthMs: 380_000,
    });
    world = await openMusicBrainzWorld(catalog);
    const track = await ingested(
      world,
      aConnectorTrack({ service: 'lastfm', title: 'Roads', artists: ['Portishead'], durationMs: null }),
    );

    const summary = await world.resolver().run();

    expect(summary.musicbrainz.tried).toBe(1);
    expect(Object.values(summary.musicbrainz.accepted)).toEqual([1]);
    const stored = await world.stores.tracks.findById(track.id);
    expect(stored).toMatchObject({ status: 'resolved', mbid: { value: roads.id }, durationMs: 305_000 });
    expect(world.calls.total('musicbrainz')).toBe(1);
  });

  it('records a miss, leaves it alone on the next run, and tries it again once stale', async () => {
    const catalog = new MusicBrainzCatalog();
    catalog.addRecording({ title: 'Something Else Entirely', artists: ['Another Band'] });
    world = await openMusicBrainzWorld(catalog);
    const track = await ingested(
      world,
      aConnectorTrack({ service: 'lastfm', title: 'Unheard Song', artists: ['Nobody Known'] }),
    );

    const first = await world.resolver().run();
    const again = await world.resolver().run();
    world.clock.advance(31 * DAY);
    const stale = await world.resolver().run({ staleAfterDays: 30 });

    expect(first.musicbrainz).toMatchObject({ tried: 1, noMatch: 1 });
    expect(again).toMatchObject({ pending: 0, musicbrainz: { tried: 0 } });
    expect(stale).toMatchObject({ pending: 1, musicbrainz: { tried: 1, noMatch: 1 } });
    expect(await world.attempts.forTrack(track.id)).toEqual([
      expect.objectContaining({ service: 'musicbrainz', outcome: 'no_match', attempts: 2 }),
    ]);
    expect(world.calls.total('musicbrainz')).toBe(2);
  });

  it('queues a doubtful match for review instead of accepting it', async () => {
    const catalog = new MusicBrainzCatalog();
    catalog.addRecording({ title: 'Teardrop', artists: ['Massive Attack'], lengthMs: 345_000 });
    world = await openMusicBrainzWorld(catalog);
    const track = await ingested(
      world,
      aConnectorTrack({
        service: 'lastfm',
        title: 'Teardrop',
        artists: ['Massive Attack'],
        durationMs: 330_000,
      }),
    );

    const summary = await world.resolver().run();

    expect(summary.musicbrainz).toMatchObject({ tried: 1, review: 1, accepted: {} });
    const queued = await world.stores.mappings.inStatus('review');
    expect(queued).toEqual([expect.objectContaining({ trackId: track.id, service: 'musicbrainz' })]);
    expect((await world.stores.tracks.findById(track.id))?.status).toBe('provisional');
  });

  it('merges two tracks whose different ISRCs belong to one recording', async () => {
    const catalog = new MusicBrainzCatalog();
    const recording = mezzanine(catalog);
    world = await openMusicBrainzWorld(catalog);
    const album = await ingested(
      world,
      aConnectorTrack({
        externalId: spotifyIdFor(1),
        title: 'Teardrop',
        artists: ['Massive Attack'],
        isrc: 'GBAAA9800001',
      }),
    );
    const single = await ingested(
      world,
      aConnectorTrack({
        externalId: spotifyIdFor(2),
        title: 'ティアドロップ',
        artists: ['Massive Attack'],
        isrc: 'GBAAA9800099',
      }),
    );

    // Names alone cannot tell (one title is translated); the shared recording proves it.
    const summary = await world.resolver().run();

    expect(summary.local.merged).toBe(0);
    expect(summary.musicbrainz.merged).toBe(1);
    const [survivor, merged] = [
      await world.stores.tracks.findById(album.id),
      await world.stores.tracks.findById(single.id),
    ];
    expect(survivor).toMatchObject({ status: 'canonical', mbid: { value: recording.id } });
    expect(merged).toMatchObject({ status: 'merged', mergedInto: album.id });
    expect((await world.stores.mappings.find('spotify', spotifyIdFor(2)))[0]?.trackId).toBe(album.id);
  });

  it('picks, among recordings sharing an ISRC, the one whose version and length fit', async () => {
    const catalog = new MusicBrainzCatalog();
    catalog.addRecording({
      title: 'Hey Boy Hey Girl',
      artists: ['The Chemical Brothers'],
      isrcs: ['GBAAA9900303'],
      lengthMs: 289_946,
    });
    const edit = catalog.addRecording({
      title: 'Hey Boy Hey Girl (radio edit)',
      artists: ['The Chemical Brothers'],
      isrcs: ['GBAAA9900303'],
      lengthMs: 222_000,
    });
    world = await openMusicBrainzWorld(catalog);
    const track = await ingested(
      world,
      aConnectorTrack({
        title: 'Hey Boy Hey Girl - Radio Edit',
        artists: ['The Chemical Brothers'],
        isrc: 'GBAAA9900303',
        durationMs: 222_500,
      }),
    );

    await world.resolver().run();

    const [link] = (await world.stores.mappings.forTrack(track.id)).filter(
      (m) => m.service === 'musicbrainz',
    );
    expect(link).toMatchObject({ externalId: edit.id, status: 'accepted' });
    expect(link?.evidence.notes.join(' ')).toContain('names 2 recording(s)');
  });

  it("falls back to a search when Last.fm's mbid is not a recording", async () => {
    const catalog = new MusicBrainzCatalog();
    const roads = catalog.addRecording({ title: 'Roads', artists: ['Portishead'], lengthMs: 305_000 });
    world = await openMusicBrainzWorld(catalog);
    const trackMbid = 'f0000000-0000-4000-8000-000000000001';
    const track = await ingested(
      world,
      aConnectorTrack({
        service: 'lastfm',
        title: 'Roads',
        artists: ['Portishead'],
        attributes: { mbid: trackMbid },
      }),
    );

    await world.resolver().run();

    const [link] = await world.stores.mappings.find('musicbrainz', roads.id);
    expect(link?.trackId).toBe(track.id);
    expect(link?.evidence.notes.join(' ')).toContain(
      `MBID ${trackMbid} from upstream is not a MusicBrainz recording`,
    );
    expect(world.calls.snapshot()).toEqual({
      'musicbrainz GET /recording?query=rid': 1,
      'musicbrainz GET /recording?query': 1,
    });
  });
});

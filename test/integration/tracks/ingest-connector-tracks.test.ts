import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  type IngestConnectorTracks,
  KEY_LINK_CONFIDENCE,
} from '../../../src/application/tracks/ingest-connector-tracks.js';
import { connectorKey, lastfmTrackKey } from '../../../src/domain/track/connector-track.js';
import { aClock, aConnectorTrack, isrcFor, mbidFor, spotifyIdFor } from '../../builders/index.js';
import { aTrackDraft, AT, tempDatabasePerTest } from '../persistence/temp-database.js';
import { ingestOver } from './identity-test-kit.js';

const NOW = AT + 60_000;

describe.each([
  ['bulk SQLite look-ups', true],
  ['one repository call per key', false],
])('ingesting service records as internal tracks (%s)', (_label, bulk) => {
  const temp = tempDatabasePerTest();
  let ingest: IngestConnectorTracks;

  beforeEach(() => {
    // Only the look-up path varies here: the stored-records check is left out of both.
    ingest = ingestOver(
      temp,
      aClock(() => NOW),
      bulk ? { lookup: temp.repos.identityLookup } : {},
    );
  });

  it('creates a provisional track per new record, mapped with the method its service implies', async () => {
    const spotify = aConnectorTrack({ title: 'Windowlicker', artists: ['Aphex Twin'] });
    const lastfm = aConnectorTrack({ service: 'lastfm', title: 'Teardrop', artists: ['Massive Attack'] });
    const musicbrainz = aConnectorTrack({ service: 'musicbrainz', externalId: mbidFor(7), title: 'Roygbiv' });

    const result = await ingest.run([spotify, lastfm, musicbrainz]);

    expect(result).toMatchObject({ created: 3, linked: 0 });
    const track = result.tracks.get(connectorKey('lastfm', lastfmTrackKey('Massive Attack', 'Teardrop')));
    expect(track).toMatchObject({
      title: 'Teardrop',
      artists: ['Massive Attack'],
      status: 'provisional',
      source: 'lastfm',
    });
    expect(result.tracks.get(connectorKey('musicbrainz', mbidFor(7)))?.mbid?.value).toBe(mbidFor(7));
    const methods = await Promise.all(
      [spotify, lastfm, musicbrainz].map(
        async (r) => (await temp.repos.trackMappings.find(r.service, r.externalId))[0],
      ),
    );
    expect(methods.map((m) => [m?.method, m?.status, m?.confidence])).toEqual([
      ['spotify_id', 'accepted', 100],
      ['artist_title', 'accepted', 100],
      ['mbid', 'accepted', 100],
    ]);
    expect(await temp.repos.connectorTracks.find('spotify', spotify.externalId)).toMatchObject({
      title: 'Windowlicker',
    });
  });

  it('returns the mapped track on a second ingest, creating nothing and refreshing the stored record', async () => {
    const record = aConnectorTrack({ title: 'Old Title' });
    const first = await ingest.run([record]);
    const again = await ingest.run([{ ...record, title: 'New Title', fetchedAt: NOW }]);

    const key = connectorKey('spotify', record.externalId);
    expect(again).toMatchObject({ created: 0, linked: 0 });
    expect(again.tracks.get(key)?.id).toBe(first.tracks.get(key)?.id);
    expect(await temp.repos.tracks.count()).toBe(1);
    expect(await temp.repos.connectorTracks.find('spotify', record.externalId)).toMatchObject({
      title: 'New Title',
    });
  });

  it('links a record to the existing track with its ISRC, saying so in the evidence', async () => {
    const existing = await temp.repos.tracks.insert(aTrackDraft({ isrc: isrcFor(42) }), AT);
    const record = aConnectorTrack({ isrc: isrcFor(42) });

    const result = await ingest.run([record]);

    expect(result).toMatchObject({ created: 0, linked: 1 });
    expect(result.tracks.get(connectorKey('spotify', record.externalId))?.id).toBe(existing.id);
    const [mapping] = await temp.repos.trackMappings.find('spotify', record.externalId);
    expect(mapping).toMatchObject({
      trackId: existing.id,
      method: 'isrc',
      status: 'accepted',
      confidence: KEY_LINK_CONFIDENCE,
    });
    expect(mapping?.evidence.notes.join(' ')).toContain(isrcFor(42));
  });

  it("links a Last.fm record whose mbid is a stored track's recording MBID", async () => {
    const existing = await temp.repos.tracks.insert(aTrackDraft({ isrc: null, mbid: mbidFor(3) }), AT);
    const record = aConnectorTrack({ service: 'lastfm', attributes: { mbid: mbidFor(3) } });

    const result = await ingest.run([record]);

    expect(result.tracks.get(connectorKey('lastfm', record.externalId))?.id).toBe(existing.id);
    expect((await temp.repos.trackMappings.find('lastfm', record.externalId))[0]?.method).toBe('mbid');
  });

  it('makes one track of records in the same batch that share an ISRC', async () => {
    const album = aConnectorTrack({ externalId: spotifyIdFor(901), isrc: isrcFor(9) });
    const compilation = aConnectorTrack({ externalId: spotifyIdFor(902), isrc: isrcFor(9) });

    const result = await ingest.run([album, compilation]);

    expect(result).toMatchObject({ created: 1, linked: 1 });
    const ids = [album, compilation].map((r) => result.tracks.get(connectorKey('spotify', r.externalId))?.id);
    expect(ids[0]).toBeDefined();
    expect(ids[1]).toBe(ids[0]);
  });

  it('returns the survivor for a record whose track was merged', async () => {
    const record = aConnectorTrack();
    const first = await ingest.run([record]);
    const merged = first.tracks.get(connectorKey('spotify', record.externalId))!;
    const survivor = await temp.repos.tracks.insert(aTrackDraft({ isrc: null }), AT);
    // A mapping still naming the merged track (as one written before the merge would) must be followed.
    await temp.repos.tracks.update(merged.mergeInto(survivor, NOW));

    const again = await ingest.run([record]);

    expect(again.tracks.get(connectorKey('spotify', record.externalId))?.id).toBe(survivor.id);
    expect(again.created).toBe(0);
  });

  it('ingests thousands of records in one run, each mapped once', async () => {
    const records = Array.from({ length: 2500 }, (_, n) =>
      aConnectorTrack({ externalId: spotifyIdFor(10_000 + n), isrc: null, title: `Song ${n}` }),
    );

    const result = await ingest.run(records);

    expect(result.created).toBe(2500);
    expect(new Set([...result.tracks.values()].map((t) => t.id)).size).toBe(2500);
    expect(await temp.repos.tracks.count()).toBe(2500);
  });

  it('does nothing for an empty batch', async () => {
    expect(await ingest.run([])).toMatchObject({ created: 0, linked: 0 });
    expect(await temp.repos.tracks.count()).toBe(0);
  });
});

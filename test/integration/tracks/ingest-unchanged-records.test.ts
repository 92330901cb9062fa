import { beforeEach, describe, expect, it } from '@jest/globals';
import type { IngestConnectorTracks } from '../../../src/application/tracks/ingest-connector-tracks.js';
import { connectorKey, type ConnectorTrack } from '../../../src/domain/track/connector-track.js';
import { aClock, aConnectorTrack, isrcFor, mbidFor, spotifyIdFor } from '../../builders/index.js';
import { AT, tempDatabasePerTest } from '../persistence/temp-database.js';
import { ingestOver } from './identity-test-kit.js';

const HOUR = 3_600_000;

// SQLite in both runs: rows written are counted with SQLite's own total_changes().
const temp = tempDatabasePerTest({ sqliteOnly: true });
let ingest: IngestConnectorTracks;

beforeEach(() => {
  ingest = ingestOver(
    temp,
    aClock(() => AT + HOUR),
  );
});

/** Rows inserted, updated or deleted on the connection so far. */
function rowsWritten(): number {
  return temp.db.sqlite.prepare<[], { n: number }>('SELECT total_changes() AS n').get()!.n;
}

function storedRow(record: ConnectorTrack): Record<string, unknown> | undefined {
  return temp.db.sqlite
    .prepare<[string, string], Record<string, unknown>>(
      'SELECT * FROM "connector_tracks" WHERE "service" = ? AND "external_id" = ?',
    )
    .get(record.service, record.externalId);
}

function mappingRows(record: ConnectorTrack): Record<string, unknown>[] {
  return temp.db.sqlite
    .prepare<[string, string], Record<string, unknown>>(
      'SELECT * FROM "track_mappings" WHERE "service" = ? AND "external_id" = ?',
    )
    .all(record.service, record.externalId);
}

function aLibrary(): ConnectorTrack[] {
  return [
    aConnectorTrack({ title: 'Windowlicker', attributes: { explicit: false }, raw: { id: 'w' } }),
    aConnectorTrack({ service: 'lastfm', title: 'Teardrop', artists: ['Massive Attack'] }),
    aConnectorTrack({ service: 'musicbrainz', externalId: mbidFor(70), title: 'Roygbiv', isrc: null }),
  ];
}

describe('SQLite: ingesting records the database already holds', () => {
  it('writes nothing when the same records are ingested again', async () => {
    const records = aLibrary();
    const first = await ingest.run(records);
    const before = rowsWritten();

    const again = await ingest.run(records);

    expect(rowsWritten()).toBe(before);
    expect(again).toMatchObject({ created: 0, linked: 0 });
    expect([...again.tracks].map(([key, track]) => [key, track.id])).toEqual(
      [...first.tracks].map(([key, track]) => [key, track.id]),
    );
  });

  it('moves only the fetch time of an unchanged record read again later', async () => {
    const [record] = aLibrary();
    await ingest.run([record!]);
    const stored = storedRow(record!);
    const mappings = mappingRows(record!);
    const before = rowsWritten();

    await ingest.run([{ ...record!, fetchedAt: AT + 2 * HOUR }]);

    expect(rowsWritten()).toBe(before + 1);
    expect(storedRow(record!)).toEqual({ ...stored, fetched_at: AT + 2 * HOUR });
    expect(mappingRows(record!)).toEqual(mappings);
  });

  it('rewrites a known record whose stored fields differ, down to one attribute', async () => {
    const [record] = aLibrary();
    await ingest.run([record!]);

    await ingest.run([{ ...record!, attributes: { explicit: true } }]);

    expect(await temp.repos.connectorTracks.find('spotify', record!.externalId)).toMatchObject({
      attributes: { explicit: true },
    });
    expect(await temp.repos.tracks.count()).toBe(1);
  });

  it('still links new records to known tracks by ISRC while leaving the known records alone', async () => {
    const known = aConnectorTrack({ externalId: spotifyIdFor(501), isrc: isrcFor(501) });
    const first = await ingest.run([known]);
    const compilation = aConnectorTrack({ externalId: spotifyIdFor(502), isrc: isrcFor(501) });
    const storedKnown = storedRow(known);

    const result = await ingest.run([known, compilation]);

    expect(result).toMatchObject({ created: 0, linked: 1 });
    const track = first.tracks.get(connectorKey('spotify', known.externalId))!;
    expect(result.tracks.get(connectorKey('spotify', compilation.externalId))?.id).toBe(track.id);
    expect(storedRow(known)).toEqual(storedKnown);
    expect(storedRow(compilation)).toMatchObject({ isrc: isrcFor(501) });
  });

  it('returns the survivor for an unchanged record whose track was merged since', async () => {
    const [record] = aLibrary();
    const first = await ingest.run([record!]);
    const merged = first.tracks.get(connectorKey('spotify', record!.externalId))!;
    const [other] = (await ingest.run([aConnectorTrack({ isrc: null })])).tracks.values();
    await temp.repos.tracks.update(merged.mergeInto(other!, AT + HOUR));
    const before = rowsWritten();

    const again = await ingest.run([record!]);

    expect(again.tracks.get(connectorKey('spotify', record!.externalId))?.id).toBe(other!.id);
    expect(rowsWritten()).toBe(before);
  });
});

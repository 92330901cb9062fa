import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { musicBrainzConnectorTrack } from '../../../src/application/ports/musicbrainz.port.js';
import { mapRecording } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-mappers.js';
import { wireFixturePath } from '../../support/wire-fixtures.js';

const FIXTURES = wireFixturePath('musicbrainz');
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8')) as Record<string, unknown>;

describe('musicBrainzConnectorTrack', () => {
  const recording = mapRecording({
    ...fixture('recording-lookup-inc-releases-release-groups-artists.json'),
    ...fixture('recording-lookup-inc-isrcs.json'),
  });

  it('keys the track by recording MBID and carries its ISRC, artists and first release date', () => {
    const track = musicBrainzConnectorTrack(recording, 1_700_000_000_000);
    expect(track).toMatchObject({
      service: 'musicbrainz',
      externalId: '162630d9-36d2-4a8d-ade1-1c77440b34e7',
      title: 'サマーれげぇ!レインボー',
      artists: ['7人祭'],
      durationMs: 296_026,
      fetchedAt: 1_700_000_000_000,
    });
    expect(track.isrc?.value).toBe('JPA600102450');
    expect(track.releaseDate?.toString()).toBe('2001-07-04');
  });

  it('names the album after the official release, not a pseudo-release listed first', () => {
    expect(musicBrainzConnectorTrack(recording, 0).album).toBe('サマーれげぇ!レインボー');
  });
});

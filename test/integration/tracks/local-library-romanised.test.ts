// The local pass finds a track's twin written in another script through the candidate index's Latin
// readings: no shared written word, no network.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { connectorKey, type ConnectorTrack } from '../../../src/domain/track/connector-track.js';
import type { Track } from '../../../src/domain/track/track.js';
import { aConnectorTrack } from '../../builders/index.js';
import { openMusicBrainzWorld, type MusicBrainzWorld } from './identity-test-kit.js';

let world: MusicBrainzWorld;

beforeEach(async () => {
  world = await openMusicBrainzWorld();
});
afterEach(async () => {
  await world.dispose();
});

async function ingested(...records: ConnectorTrack[]): Promise<Track[]> {
  const result = await world.ingest.run(records);
  return records.map((r) => result.tracks.get(connectorKey(r.service, r.externalId))!);
}

const twins = [
  ['Cyrillic', { artists: ['Кино'], title: 'Группа крови' }, { artists: ['Kino'], title: 'Gruppa krovi' }],
  ['Chinese', { artists: ['周杰伦'], title: '晴天' }, { artists: ['Zhou Jielun'], title: 'Qing Tian' }],
] as const;

describe('matching against the local library across scripts', () => {
  it.each(twins)(
    '%s: merges a Last.fm record in Latin letters into the Spotify track in its own script',
    async (_, native, latin) => {
      const [spotify, lastfm] = await ingested(
        aConnectorTrack({ ...native, artists: [...native.artists], durationMs: 284_000 }),
        aConnectorTrack({ service: 'lastfm', ...latin, artists: [...latin.artists], durationMs: 284_000 }),
      );

      const summary = await world.resolver().run({ limit: 0 });

      expect(summary.local).toEqual({ examined: 2, merged: 1, review: 0 });
      expect(await world.stores.tracks.findById(lastfm!.id)).toMatchObject({
        status: 'merged',
        mergedInto: spotify!.id,
      });
      expect(world.fake.requests).toHaveLength(0);
    },
  );
});

// Both services' fakes on 127.0.0.1 (and MusicBrainz's when a test needs it), the real clients over
// sockets, a real database in a temp folder, and the likes use cases wired as the container wires them.
import type { Clock } from '../../../src/application/ports/clock.port.js';
import type { MusicBrainzPort } from '../../../src/application/ports/musicbrainz.port.js';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import { ImportLikes } from '../../../src/application/use-cases/likes/import-likes.js';
import { LastfmToSpotify } from '../../../src/application/likes/lastfm-to-spotify.js';
import { SpotifyToLastfm } from '../../../src/application/likes/spotify-to-lastfm.js';
import {
  SyncLikes,
  type LikesSyncOptions,
  type LikesSyncReport,
} from '../../../src/application/use-cases/likes/sync-likes.js';
import { SpotifyTrackFinder } from '../../../src/application/playlist/find-spotify-track.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import { MusicBrainzClient } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-client.js';
import { createMusicBrainzHttpClient } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-http.js';
import { startFakeMusicBrainz, type FakeMusicBrainz } from '../../fakes/musicbrainz/fake-musicbrainz.js';
import { startFakeSpotify, type FakeSpotify } from '../../fakes/spotify/fake-spotify.js';
import { isoSeconds } from '../../fakes/spotify/fake-spotify-context.js';
import { startLastfmKit, type LastfmKit } from '../lastfm/lastfm-test-kit.js';
import { openTempDatabase, type TempDatabase } from '../persistence/temp-database.js';
import { ingestOver } from '../tracks/identity-test-kit.js';
import { spotifyRig, type SpotifyTestRig } from '../spotify/spotify-test-kit.js';

export const LISTENER = 'listener';

export interface LikesWorld {
  readonly spotify: FakeSpotify;
  readonly rig: SpotifyTestRig;
  readonly lastfm: LastfmKit;
  readonly musicbrainz: FakeMusicBrainz | null;
  readonly temp: TempDatabase;
  readonly importLikes: ImportLikes;
  /** `narada likes sync --from spotify --to lastfm` with these options. */
  toLastfm(options?: Partial<LikesSyncOptions>): Promise<LikesSyncReport>;
  toSpotify(options?: Partial<LikesSyncOptions>): Promise<LikesSyncReport>;
  /** Saves tracks on the fake Spotify, each a minute after the previous. */
  save(trackIds: readonly string[]): void;
  dispose(): Promise<void>;
}

let savedAt = Date.UTC(2025, 0, 1);

export async function openLikesWorld(
  options: { musicbrainz?: boolean; lastfmAttempts?: number } = {},
): Promise<LikesWorld> {
  const spotify = await startFakeSpotify();
  const rig = spotifyRig(spotify);
  const lastfm = await startLastfmKit({ sessionFor: LISTENER, maxAttempts: options.lastfmAttempts ?? 3 });
  const musicbrainzFake = options.musicbrainz === true ? await startFakeMusicBrainz() : null;
  const temp = await openTempDatabase();
  const { repos } = temp;
  const clock: Clock = rig.clock;
  const lookup = repos.identityLookup;
  const ingest = ingestOver(temp, clock);
  const musicbrainz: MusicBrainzPort | undefined =
    musicbrainzFake === null
      ? undefined
      : new MusicBrainzClient({
          baseUrl: musicbrainzFake.url,
          http: createMusicBrainzHttpClient({
            calls: new CallCounter(),
            userAgent: 'narada-tests/1.0 ( tests@example.org )',
          }),
          cache: repos.responseCache,
        });
  const sync = new SyncLikes({ checkpoints: repos.syncCheckpoints, clock, progress: SILENT_PROGRESS });
  const defaults: LikesSyncOptions = { dryRun: false, mirror: false };
  return {
    spotify,
    rig,
    lastfm,
    musicbrainz: musicbrainzFake,
    temp,
    importLikes: new ImportLikes({
      spotify: rig.client,
      lastfm: lastfm.client,
      ingest,
      likes: repos.likes,
      clock,
      progress: SILENT_PROGRESS,
    }),
    // A new direction per run, as each CLI invocation builds its own.
    toLastfm: (overrides = {}) =>
      sync.run(
        new SpotifyToLastfm({
          spotify: rig.client,
          lastfm: lastfm.client,
          ingest,
          likes: repos.likes,
          mappings: lookup,
          clock,
        }),
        { ...defaults, ...overrides },
      ),
    toSpotify: (overrides = {}) =>
      sync.run(
        new LastfmToSpotify({
          spotify: rig.client,
          lastfm: lastfm.client,
          finder: new SpotifyTrackFinder({ spotify: rig.client, musicbrainz }),
          ingest,
          likes: repos.likes,
          lookup,
          mappings: repos.trackMappings,
          connectorTracks: repos.connectorTracks,
          clock,
        }),
        { ...defaults, ...overrides },
      ),
    save: (trackIds) => {
      spotify.addSavedTracks(
        trackIds.map((trackId) => ({ trackId, addedAt: isoSeconds((savedAt += 60_000)) })),
      );
    },
    dispose: async () => {
      await spotify.close();
      await lastfm.fake.close();
      await musicbrainzFake?.close();
      await temp.dispose();
    },
  };
}

/** Seconds since the epoch, as Last.fm stores love dates. */
export function unixSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

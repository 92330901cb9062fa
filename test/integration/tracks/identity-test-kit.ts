// A real database in a temp folder with the identity adapters over it, and the real MusicBrainz client
// talking to the fake MusicBrainz over a socket (which holds it to one request a second).
import type { Clock } from '../../../src/application/ports/clock.port.js';
import { SILENT_PROGRESS, type ProgressReporter } from '../../../src/application/ports/progress.port.js';
import type { IdentityStores } from '../../../src/application/tracks/identity-stores.js';
import { IngestConnectorTracks } from '../../../src/application/tracks/ingest-connector-tracks.js';
import { ResolveTracks } from '../../../src/application/use-cases/tracks/resolve-tracks.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import { MusicBrainzClient } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-client.js';
import { createMusicBrainzHttpClient } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-http.js';
import { SqliteIdentityAttempts } from '../../../src/infrastructure/persistence/tracks/sqlite-identity-attempts.js';
import { SqliteIdentityLookup } from '../../../src/infrastructure/persistence/tracks/sqlite-identity-lookup.js';
import { SqliteStoredRecords } from '../../../src/infrastructure/persistence/tracks/sqlite-stored-records.js';
import { SqliteTrackMergeStore } from '../../../src/infrastructure/persistence/tracks/sqlite-track-merge-store.js';
import { startFakeMusicBrainz, type FakeMusicBrainz } from '../../fakes/musicbrainz/fake-musicbrainz.js';
import { MusicBrainzCatalog } from '../../fakes/musicbrainz/musicbrainz-catalog.js';
import { AT, openTempDatabase, type TempDatabase } from '../persistence/temp-database.js';

/** A clock the test moves by hand: identity decisions are stamped with it. */
export class SteppingClock implements Clock {
  constructor(private at: number = AT) {}
  now(): number {
    return this.at;
  }
  advance(ms: number): void {
    this.at += ms;
  }
  async sleep(ms: number): Promise<void> {
    this.advance(Math.max(0, ms));
  }
}

export interface IdentityWorld {
  readonly temp: TempDatabase;
  readonly clock: SteppingClock;
  readonly stores: IdentityStores;
  readonly attempts: SqliteIdentityAttempts;
  readonly ingest: IngestConnectorTracks;
  dispose(): Promise<void>;
}

export async function openIdentityWorld(): Promise<IdentityWorld> {
  const temp = await openTempDatabase();
  const clock = new SteppingClock();
  const { repos } = temp;
  const lookup = new SqliteIdentityLookup(temp.db);
  const stores: IdentityStores = {
    tracks: repos.tracks,
    connectorTracks: repos.connectorTracks,
    mappings: repos.trackMappings,
    lookup,
    storedRecords: new SqliteStoredRecords(temp.db),
    merges: new SqliteTrackMergeStore(temp.db, repos.tracks),
    unitOfWork: repos.unitOfWork,
    clock,
  };
  const ingest = new IngestConnectorTracks(stores);
  return {
    temp,
    clock,
    stores,
    attempts: new SqliteIdentityAttempts(temp.db),
    ingest,
    dispose: () => temp.dispose(),
  };
}

export interface MusicBrainzWorld extends IdentityWorld {
  readonly fake: FakeMusicBrainz;
  readonly calls: CallCounter;
  resolver(progress?: ProgressReporter): ResolveTracks;
}

export async function openMusicBrainzWorld(
  catalog: MusicBrainzCatalog = new MusicBrainzCatalog(),
): Promise<MusicBrainzWorld> {
  const world = await openIdentityWorld();
  const fake = await startFakeMusicBrainz({ catalog });
  const calls = new CallCounter();
  const musicbrainz = new MusicBrainzClient({
    baseUrl: fake.url,
    http: createMusicBrainzHttpClient({ calls, userAgent: 'narada-tests/1.0 ( tests@example.org )' }),
    cache: world.temp.repos.responseCache,
  });
  return {
    ...world,
    fake,
    calls,
    resolver: (progress = SILENT_PROGRESS) =>
      new ResolveTracks({ ...world.stores, musicbrainz, attempts: world.attempts, progress }),
    dispose: async () => {
      await fake.close();
      await world.dispose();
    },
  };
}

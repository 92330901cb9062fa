// A real database in a temp folder with the identity adapters over it, and the real MusicBrainz client
// talking to the fake MusicBrainz over a socket (which holds it to one request a second).
import type { Clock } from '../../../src/application/ports/clock.port.js';
import type { IdentityAttemptRepository } from '../../../src/application/ports/identity-attempt-repository.port.js';
import { SILENT_PROGRESS, type ProgressReporter } from '../../../src/application/ports/progress.port.js';
import type { IdentityStores } from '../../../src/application/tracks/identity-stores.js';
import {
  IngestConnectorTracks,
  type IngestConnectorTracksDeps,
} from '../../../src/application/tracks/ingest-connector-tracks.js';
import { ResolveTracks } from '../../../src/application/use-cases/tracks/resolve-tracks.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import { MusicBrainzClient } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-client.js';
import { createMusicBrainzHttpClient } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-http.js';
import { startFakeMusicBrainz, type FakeMusicBrainz } from '../../fakes/musicbrainz/fake-musicbrainz.js';
import { MusicBrainzCatalog } from '../../fakes/musicbrainz/musicbrainz-catalog.js';
import { identityStoresOf } from '../../../src/infrastructure/persistence/repositories.js';
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

/** Ingest over `temp`'s repositories, with the app's SQLite adapters unless a test names its own. */
export function ingestOver(
  temp: Pick<TempDatabase, 'repos'>,
  clock: Clock,
  adapters: Pick<IngestConnectorTracksDeps, 'lookup' | 'storedRecords'> = {
    lookup: temp.repos.identityLookup,
    storedRecords: temp.repos.storedRecords,
  },
): IngestConnectorTracks {
  const { repos } = temp;
  return new IngestConnectorTracks({
    tracks: repos.tracks,
    connectorTracks: repos.connectorTracks,
    mappings: repos.trackMappings,
    unitOfWork: repos.unitOfWork,
    clock,
    ...adapters,
  });
}

export interface IdentityWorld {
  readonly temp: TempDatabase;
  readonly clock: SteppingClock;
  readonly stores: IdentityStores;
  readonly attempts: IdentityAttemptRepository;
  readonly ingest: IngestConnectorTracks;
  dispose(): Promise<void>;
}

export async function openIdentityWorld(): Promise<IdentityWorld> {
  const temp = await openTempDatabase();
  const clock = new SteppingClock();
  const { repos } = temp;
  const stores = identityStoresOf(repos, clock);
  const ingest = new IngestConnectorTracks(stores);
  return {
    temp,
    clock,
    stores,
    attempts: repos.identityAttempts,
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

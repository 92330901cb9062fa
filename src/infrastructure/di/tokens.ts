// Typed service identifiers shared by every feature (configuration, log, clock, database, service
// clients); each feature's own tokens are in di/<feature>.tokens.ts. Type-only imports, so a command
// can import tokens without loading the wiring or the adapters.
import type { Clock } from '../../application/ports/clock.port.js';
import type { CredentialStore } from '../../application/ports/credential-store.port.js';
import type { LastfmPort } from '../../application/ports/lastfm.port.js';
import type { ListenBrainzPort } from '../../application/ports/listenbrainz.port.js';
import type { Logger } from '../../application/ports/logger.port.js';
import type { MusicBrainzPort } from '../../application/ports/musicbrainz.port.js';
import type { ProgressReporter } from '../../application/ports/progress.port.js';
import type { SpotifyPort } from '../../application/ports/spotify.port.js';
import type { NaradaConfig } from '../config/config.js';
import type { CallCounter } from '../connectors/http/call-counter.js';
import type { HttpClient } from '../connectors/http/http-client.js';
import type { PostgresCoordination } from '../jobs/postgres-coordination.js';
import type { NaradaDatabase } from '../persistence/open-database.js';
import type { Repositories } from '../persistence/repositories.js';

declare const tokenType: unique symbol;
/** A symbol that carries the type of what it names: `get(TOKENS.Clock)` is a Clock. */
export type Token<T> = symbol & { readonly [tokenType]?: T };

export function token<T>(name: string): Token<T> {
  return Symbol(name) as Token<T>;
}

export const TOKENS = {
  Config: token<NaradaConfig>('Config'),
  Logger: token<Logger>('Logger'),
  Clock: token<Clock>('Clock'),
  Progress: token<ProgressReporter>('Progress'),
  CredentialStore: token<CredentialStore>('CredentialStore'),
  Database: token<NaradaDatabase>('Database'),
  Repositories: token<Repositories>('Repositories'),
  /** On PostgreSQL, what processes coordinate through (job queue, progress, shared rate limits); null on SQLite. */
  Coordination: token<PostgresCoordination | null>('Coordination'),
  CallCounter: token<CallCounter>('CallCounter'),
  LastfmHttp: token<HttpClient>('LastfmHttp'),
  Lastfm: token<LastfmPort>('Lastfm'),
  MusicBrainz: token<MusicBrainzPort>('MusicBrainz'),
  SpotifyHttp: token<HttpClient>('SpotifyHttp'),
  Spotify: token<SpotifyPort>('Spotify'),
  ListenBrainz: token<ListenBrainzPort>('ListenBrainz'),
} as const;

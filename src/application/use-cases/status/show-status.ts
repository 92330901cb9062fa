// `narada status`: where the data lives, the state of the database, and which services are
// connected. Local facts only: it makes no network call and never shows a secret.
import type { ServiceName } from '../../../domain/shared/service.js';
import type { DatabaseFacts, DatabaseIntegrity } from '../../ports/database-info.port.js';

export type ConnectionState = 'connected' | 'configured' | 'not_configured';

export interface ServiceConnection {
  readonly service: ServiceName;
  readonly state: ConnectionState;
  /** The account name when known (never a token). */
  readonly account: string | null;
  /** What the user can do next, e.g. "run `narada auth spotify`". */
  readonly hint: string | null;
}

export interface StatusReport {
  readonly version: string;
  readonly dataFolder: string;
  readonly database: DatabaseFacts & { readonly integrity: DatabaseIntegrity };
  readonly services: readonly ServiceConnection[];
}

export interface StatusSources {
  readonly version: string;
  readonly dataFolder: string;
  database(): Promise<DatabaseFacts>;
  integrity(): Promise<DatabaseIntegrity>;
  connections(): Promise<readonly ServiceConnection[]>;
}

export class ShowStatus {
  constructor(private readonly sources: StatusSources) {}

  /** `checkIntegrity` reads the whole database file: about a second per million listens. */
  async run({ checkIntegrity = true }: { checkIntegrity?: boolean } = {}): Promise<StatusReport> {
    // The check first: it decides whether later writes are refused, and the facts may then lack a table.
    const integrity: DatabaseIntegrity = checkIntegrity
      ? await this.sources.integrity()
      : { state: 'not_checked', problems: [], recovery: null };
    const [facts, services] = await Promise.all([this.sources.database(), this.sources.connections()]);
    return {
      version: this.sources.version,
      dataFolder: this.sources.dataFolder,
      database: { ...facts, integrity },
      services,
    };
  }
}

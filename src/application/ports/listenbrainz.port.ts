// ListenBrainz, as Narada uses it: check whose the user token is, and send listens as an import.
import type { ExportedListen } from './listen-export-store.port.js';

export interface ListenBrainzPort {
  /** The API base the listens go to: a checkpoint belongs to one server. */
  readonly server: string;
  /** The ListenBrainz user of the token; a ConfigurationError when there is no token or it is refused. */
  whoAmI(): Promise<string>;
  /** Submits up to MAX_LISTENS_PER_REQUEST listens as one `listen_type: "import"` request. */
  submitImport(listens: readonly ExportedListen[]): Promise<void>;
}

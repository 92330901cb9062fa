// A CredentialStore in memory, for tests and benches that drive the Spotify client against the fake.
import type {
  CredentialStore,
  StoredCredentials,
} from '../../../src/application/ports/credential-store.port.js';

export class MemoryCredentialStore implements CredentialStore {
  writes = 0;

  constructor(private stored: StoredCredentials = {}) {}

  async read(): Promise<StoredCredentials> {
    return this.stored;
  }

  async write(update: Partial<StoredCredentials>): Promise<void> {
    this.writes += 1;
    const next: Record<string, unknown> = { ...this.stored };
    for (const [service, value] of Object.entries(update)) {
      if (value === undefined) delete next[service];
      else next[service] = value;
    }
    this.stored = next as StoredCredentials;
  }
}

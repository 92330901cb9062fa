// Stored logins as one JSON file in NARADA_HOME, mode 0600, replaced atomically.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CredentialStore, StoredCredentials } from '../../application/ports/credential-store.port.js';
import { InvalidInputError } from '../../domain/shared/errors.js';
import { fileWriteError } from '../files/file-write-error.js';

export class FileCredentialStore implements CredentialStore {
  constructor(private readonly file: string) {}

  async read(): Promise<StoredCredentials> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    try {
      return JSON.parse(text) as StoredCredentials;
    } catch {
      throw new InvalidInputError(
        'CONFIG.CREDENTIALS_CORRUPT',
        `${this.file} is not valid JSON; delete it and log in again with \`narada auth spotify\` / \`narada auth lastfm\``,
      );
    }
  }

  async write(update: Partial<StoredCredentials>): Promise<void> {
    const next: Record<string, unknown> = { ...(await this.read()) };
    for (const [service, value] of Object.entries(update)) {
      if (value === undefined) delete next[service];
      else next[service] = value;
    }
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
      await writeFile(temp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
      await chmod(temp, 0o600);
      await rename(temp, this.file);
    } catch (error) {
      throw fileWriteError(this.file, error);
    }
  }
}

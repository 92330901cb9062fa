// Stored logins as one JSON file in NARADA_HOME, mode 0600, replaced atomically.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CredentialStore, StoredCredentials } from '../../application/ports/credential-store.port.js';
import { InvalidInputError } from '../../domain/shared/errors.js';
import { fileWriteError } from '../files/file-write-error.js';
import { keepPrivate, PRIVATE_FILE, PRIVATE_FOLDER } from '../files/private-files.js';

export class FileCredentialStore implements CredentialStore {
  constructor(private readonly file: string) {}

  async read(): Promise<StoredCredentials> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
      // A file copied in or written by an older Narada may be readable by others: it holds tokens.
      keepPrivate(this.file);
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
      await mkdir(dirname(this.file), { recursive: true, mode: PRIVATE_FOLDER });
      await writeFile(temp, `${JSON.stringify(next, null, 2)}\n`, { mode: PRIVATE_FILE });
      await chmod(temp, PRIVATE_FILE);
      await rename(temp, this.file);
    } catch (error) {
      throw fileWriteError(this.file, error);
    }
  }
}

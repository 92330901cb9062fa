import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parsePlaylistBackup } from '../../../src/domain/backup/parse-playlist-backup.js';
import type { PlaylistBackup } from '../../../src/domain/backup/playlist-backup.js';
import { NaradaError } from '../../../src/domain/shared/errors.js';
import { aBackup } from './backup-samples.js';

function refusal(text: string): NaradaError {
  try {
    parsePlaylistBackup(text, 'mix.json');
  } catch (error) {
    if (error instanceof NaradaError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

describe('reading a backup file', () => {
  it('accepts what Narada writes, unchanged', () => {
    const backup = aBackup();
    expect(parsePlaylistBackup(json(backup), 'mix.json')).toEqual(backup);
  });

  it('accepts a file with a byte-order mark', () => {
    expect(parsePlaylistBackup(`\ufeff${json(aBackup())}`, 'mix.json').playlist.name).toBe('Mix');
  });

  it('refuses text that is not JSON, naming the file, line and column', () => {
    const error = refusal('{\n  "format": "narada-playlist-backup",\n  "items": [1, 2,\n');
    expect(error).toMatchObject({ code: 'BACKUP.NOT_JSON', category: 'input' });
    expect(error.message).toMatch(/^mix\.json is not valid JSON at line \d+, column \d+/);
  });

  it('refuses a foreign JSON file, such as a Spotify export or a workflow', () => {
    expect(refusal(json({ id: 'w', tasks: [] }))).toMatchObject({ code: 'BACKUP.FOREIGN_FILE' });
    expect(refusal(json([1, 2]))).toMatchObject({ code: 'BACKUP.FOREIGN_FILE' });
  });

  it('refuses a file from a newer Narada with what to do', () => {
    const error = refusal(json({ ...aBackup(), version: 2 }));
    expect(error).toMatchObject({ code: 'BACKUP.NEWER_VERSION' });
    expect(error.message).toMatch(/upgrade Narada/);
  });

  it('names each damaged field by its path', () => {
    const backup = aBackup();
    const damaged = {
      ...backup,
      items: [backup.items[0], { ...backup.items[1], uri: 42, addedAt: 'yesterday' }],
    };
    const error = refusal(json(damaged));
    expect(error).toMatchObject({ code: 'BACKUP.INVALID' });
    expect(error.message).toContain('items[1].uri: expected string, received number');
    expect(error.message).toContain('items[1].addedAt');
  });

  it('refuses unknown fields, which would be lost on restore', () => {
    const backup = aBackup();
    const error = refusal(json({ ...backup, playlist: { ...backup.playlist, colour: 'red' } }));
    expect(error.message).toMatch(/playlist: Unrecognized key/);
  });

  it('refuses items out of order or a count that disagrees with the items', () => {
    const backup = aBackup();
    const swapped: PlaylistBackup = { ...backup, items: [backup.items[1]!, backup.items[0]!] };
    expect(refusal(json(swapped)).message).toContain('items[0].position: expected 0, found 1');
    const short: PlaylistBackup = { ...backup, items: backup.items.slice(0, 1) };
    expect(refusal(json(short)).message).toContain('playlist.itemCount: says 2 items but the file holds 1');
  });

  it('refuses a truncated file (a write cut short)', () => {
    const text = json(aBackup());
    expect(refusal(text.slice(0, text.length / 2))).toMatchObject({ code: 'BACKUP.NOT_JSON' });
  });

  it('refuses the Spotify export itself when read as a backup', () => {
    const text = readFileSync(
      new URL('../../fixtures/exports/spotify-account-data-2026/Playlist1.json', import.meta.url),
      'utf8',
    );
    expect(refusal(text)).toMatchObject({ code: 'BACKUP.FOREIGN_FILE' });
  });
});

// `--version N|DATE`: a number picks that version; a day picks the newest version taken by its end
// (UTC), an instant the newest taken by then; anything else is refused naming the versions there are.
import { describe, expect, it } from '@jest/globals';
import type { BackupVersion } from '../../../src/application/playlist/backup-index.js';
import { pickBackupVersion } from '../../../src/application/playlist/backup-versions.js';

const version = (n: number, iso: string): BackupVersion => ({
  version: n,
  backedUpAt: Date.parse(iso),
  itemCount: n,
  snapshotId: `s${n}`,
  path: `/b/v${n}.json`,
});
const versions = [
  version(1, '2026-03-01T08:00:00Z'),
  version(2, '2026-03-01T18:00:00Z'),
  version(3, '2026-03-05T09:00:00Z'),
];

describe('picking a backup version', () => {
  it('by number', () => {
    expect(pickBackupVersion('p', versions, '2')).toBe(versions[1]);
  });

  it('by day: the newest version taken by the end of that day', () => {
    expect(pickBackupVersion('p', versions, '2026-03-01')).toBe(versions[1]);
    expect(pickBackupVersion('p', versions, '2026-03-04')).toBe(versions[1]);
    expect(pickBackupVersion('p', versions, '2026-03-09')).toBe(versions[2]);
  });

  it('by instant: the newest version taken by then', () => {
    expect(pickBackupVersion('p', versions, '2026-03-01T12:00:00Z')).toBe(versions[0]);
  });

  it('refuses a version before the first, an unknown number and a non-date, as input errors', () => {
    expect(() => pickBackupVersion('p', versions, '2026-02-28')).toThrow(
      /Playlist p has no version taken by 2026-02-28T23:59:59.999Z: it has 1 \(2026-03-01T08:00:00.000Z\), 2/,
    );
    expect(() => pickBackupVersion('p', versions, '9')).toThrow(/has no version 9/);
    expect(() => pickBackupVersion('p', [], '1')).toThrow(/it has never been backed up/);
    expect(() => pickBackupVersion('p', versions, 'latest')).toThrow(
      expect.objectContaining({ category: 'input' }),
    );
  });
});

// `narada library` as a user runs it: the built CLI scans a folder of real music files, lists them as
// JSON, shows one, finds duplicates, and a rescan after a deletion reads nothing and notices it.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeMp3, writeWav } from '../../support/audio-files.js';
import { cleanEnv, expectSuccess, runNarada, tempDir } from '../cli-harness.js';

const home = tempDir('narada-e2e-library-');
const music = join(home.path, 'Music');
const env = cleanEnv(home.path);

afterAll(() => home.remove());

interface ListedFile {
  readonly id: number;
  readonly path: string;
  readonly title: string | null;
  readonly trackId: number | null;
  readonly audioHash: string;
}

describe('narada library', () => {
  it('scans a folder, lists its files with their tracks, shows one and finds duplicates', async () => {
    mkdirSync(join(music, 'Album'), { recursive: true });
    const tags = { title: 'Song', artist: 'Band', album: 'Album', isrc: 'USRC17607839' };
    writeMp3(join(music, 'Album', '01 Song.mp3'), tags);
    writeMp3(join(music, 'Album', '01 Song (copy).mp3'), { ...tags, title: 'Song (copy)' });
    writeWav(join(music, 'Album', '02 Other.wav'), { title: 'Other', artist: 'Band' });
    writeFileSync(join(music, 'broken.flac'), 'not audio');

    const scan = await runNarada(['library', 'scan', 'Music', '--json'], { env, cwd: home.path });
    expectSuccess(scan);
    expect(scan.json()).toMatchObject({
      found: 4,
      added: 3,
      tracksCreated: 2,
      skipped: [{ path: join(music, 'broken.flac') }],
    });

    const list = await runNarada(['library', 'list', '--json'], { env });
    expectSuccess(list);
    const files = list.json<ListedFile[]>();
    expect(files.map((f) => [f.path, f.title])).toEqual([
      [join(music, 'Album', '01 Song (copy).mp3'), 'Song (copy)'],
      [join(music, 'Album', '01 Song.mp3'), 'Song'],
      [join(music, 'Album', '02 Other.wav'), 'Other'],
    ]);
    expect(files[0]!.trackId).toBe(files[1]!.trackId);
    expect(files[2]!.trackId).not.toBe(files[0]!.trackId);

    const show = await runNarada(['library', 'show', join(music, 'Album', '02 Other.wav')], { env });
    expectSuccess(show);
    expect(show.stdout).toContain('WAVE / PCM');
    expect(show.stdout).toContain(files[2]!.audioHash);

    const duplicates = await runNarada(['library', 'duplicates', '--json'], { env });
    expectSuccess(duplicates);
    expect(
      duplicates.json<{ by: string; files: ListedFile[] }[]>().map((g) => [g.by, g.files.length]),
    ).toEqual([['audio', 2]]);
  });

  it('rescans reading nothing unchanged and notices a deleted file', async () => {
    unlinkSync(join(music, 'Album', '01 Song (copy).mp3'));
    const rescan = await runNarada(['library', 'scan', music, '--json'], { env });
    expectSuccess(rescan);
    expect(rescan.json()).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 2,
      removed: [join(music, 'Album', '01 Song (copy).mp3')],
    });
  });

  it('refuses a folder that does not exist, and a file it does not know, with exit 2', async () => {
    const missing = await runNarada(['library', 'scan', join(home.path, 'nowhere')], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere is not a folder');
    const unknown = await runNarada(['library', 'show', '/no/such/file.mp3'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No library file "/no/such/file.mp3"');
  });
});

// Listens linked to library tracks as a user meets them: the built CLI scans a folder, imports a Last.fm
// CSV (which links the new listens), `library link` then has nothing left to do, `tracks review` lists the
// ambiguous listens with their candidates, and accepting one links them.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeMp3 } from '../../support/audio-files.js';
import { cleanEnv, expectSuccess, runNarada, tempDir } from '../cli-harness.js';

const home = tempDir('narada-e2e-library-links-');
const music = join(home.path, 'Music');
const env = cleanEnv(home.path);
afterAll(() => home.remove());

interface LinkReport {
  readonly libraryTracks: number;
  readonly examined: number;
  readonly decided: Record<string, number>;
  readonly totals: Record<string, number>;
}

interface ReviewJson {
  readonly items: unknown[];
  readonly listenLinks: {
    readonly id: string;
    readonly listens: number;
    readonly track: { readonly title: string };
    readonly candidates: { readonly id: string; readonly confidence: number; readonly trackId: number }[];
  }[];
}

describe('narada library link and tracks review', () => {
  it('links imported listens, lists the ambiguous ones for review, and takes a decision', async () => {
    mkdirSync(music, { recursive: true });
    writeMp3(join(music, 'song.mp3'), { title: 'Song', artist: 'Band', album: 'Album' });
    writeMp3(join(music, 'twin-a.mp3'), { title: 'Twin', artist: 'Band' }, { fill: 1 });
    writeMp3(join(music, 'twin-b.mp3'), { title: 'Twin', artist: 'Band' }, { fill: 2 });
    const scan = await runNarada(['library', 'scan', music, '--json'], { env });
    expectSuccess(scan);
    expect(scan.json()).toMatchObject({ added: 3, listenLinks: { libraryTracks: 3, examined: 0 } });

    const csv = join(home.path, 'scrobbles.csv');
    writeFileSync(
      csv,
      [
        'Band,Album,Song,01 Mar 2024 10:00',
        'Band,Album,Twin,01 Mar 2024 10:05',
        'Other,Album,Nope,01 Mar 2024 10:10',
      ]
        .join('\n')
        .concat('\n'),
    );
    const imported = await runNarada(['history', 'import', 'file', csv, '--user', 'ana'], { env });
    expectSuccess(imported);
    expect(imported.stderr).toContain('3 listens to link against 3 library tracks');
    expect(imported.stderr).toContain('1 linked, 1 ambiguous, 1 unlinked');

    const again = await runNarada(['library', 'link', '--json'], { env });
    expectSuccess(again);
    expect(again.json<LinkReport>()).toMatchObject({
      examined: 0,
      totals: { linked: 1, ambiguous: 1, unlinked: 1 },
    });

    const review = await runNarada(['tracks', 'review', '--json'], { env });
    expectSuccess(review);
    const queue = review.json<ReviewJson>();
    expect(queue.items).toEqual([]);
    expect(queue.listenLinks).toHaveLength(1);
    const [item] = queue.listenLinks;
    expect(item).toMatchObject({ listens: 1, track: { title: 'Twin' } });
    expect(item!.candidates.map((c) => c.id)).toEqual([`${item!.id}.1`, `${item!.id}.2`]);

    const listed = await runNarada(['tracks', 'review'], { env });
    expectSuccess(listed);
    expect(listed.stdout).toContain('1 track(s) have listens that may be library tracks');
    expect(listed.stdout).toContain(`${item!.id}.2`);
    expect(listed.stdout).not.toContain('Nothing waits for review.');

    const accepted = await runNarada(['tracks', 'review', '--accept', `${item!.id}.2`], { env });
    expectSuccess(accepted);
    expect(accepted.stdout).toContain(`accepted ${item!.id}.2: 1 listen(s) linked`);

    const dry = await runNarada(['library', 'link', '--dry-run', '--json'], { env });
    expectSuccess(dry);
    expect(dry.json<LinkReport>()).toMatchObject({
      dryRun: true,
      examined: 0,
      totals: { linked: 2, ambiguous: 0, unlinked: 1 },
    });
  });

  it('refuses a listen-link id that is not in the queue with exit 2', async () => {
    const refused = await runNarada(['tracks', 'review', '--accept', 'L424242.1'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"L424242.1" is not in the review queue');
  });
});

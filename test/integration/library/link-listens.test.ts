// Listens linked to library tracks over a real database, real generated music files and the real
// identity pipeline: the same track links by its mapping, a fuzzy match links only when one candidate
// alone is sure, rivals stay ambiguous with their candidates, and a rerun works only on what changed.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import { TrackMerger } from '../../../src/application/tracks/track-merger.js';
import { LinkListens } from '../../../src/application/use-cases/library/link-listens.js';
import { ReviewListenLinks } from '../../../src/application/use-cases/library/review-listen-links.js';
import { ScanLibrary } from '../../../src/application/use-cases/library/scan-library.js';
import { FsMediaFinder } from '../../../src/infrastructure/media/fs-media-finder.js';
import { MusicMetadataReader } from '../../../src/infrastructure/media/music-metadata-reader.js';
import { identityStoresOf } from '../../../src/infrastructure/persistence/repositories.js';
import { writeMp3, writeWav } from '../../support/audio-files.js';
import { aScrobbledListen, openHistoryKit, type HistoryKit } from '../history/history-test-kit.js';
import { ingestOver, SteppingClock } from '../tracks/identity-test-kit.js';

const T0 = Date.UTC(2025, 2, 10, 20, 0, 0);

interface LinkRow {
  readonly status: string;
  readonly track_id: number | null;
  readonly confidence: number | null;
  readonly method: string | null;
  readonly reason: string;
  readonly candidates: string;
  readonly by_user: number;
}

describe('linking listens to library tracks', () => {
  let kit: HistoryKit;
  let music: string;
  const clock = new SteppingClock();

  beforeEach(async () => {
    kit = await openHistoryKit();
    music = mkdtempSync(join(tmpdir(), 'narada-music-'));
  });
  afterEach(async () => {
    await kit.dispose();
    rmSync(music, { recursive: true, force: true });
  });

  const scan = () =>
    new ScanLibrary({
      finder: new FsMediaFinder(),
      reader: new MusicMetadataReader(),
      store: kit.repos.library,
      ingest: (records) => ingestOver(kit, clock).run(records),
      unitOfWork: kit.repos.unitOfWork,
      clock,
      progress: SILENT_PROGRESS,
    }).run({ folders: [music] });
  const linker = () =>
    new LinkListens({
      store: kit.repos.listenLinks,
      unitOfWork: kit.repos.unitOfWork,
      clock,
      progress: SILENT_PROGRESS,
    });
  const review = () =>
    new ReviewListenLinks({ store: kit.repos.listenLinks, unitOfWork: kit.repos.unitOfWork, clock });
  // `by_user` as 0/1 on both engines (PostgreSQL holds a boolean).
  const linkOf = async (title: string): Promise<LinkRow> =>
    (
      await kit.query<LinkRow>(
        `SELECT l."status", l."track_id", l."confidence", l."method", l."reason", l."candidates",
                CASE WHEN l."by_user" THEN 1 ELSE 0 END AS "by_user"
           FROM "listen_links" l JOIN "plays" p ON p."id" = l."play_id"
           JOIN "listening_events" e ON e."id" = p."event_id"
          WHERE e."payload" = ?`,
        [JSON.stringify({ title })],
      )
    )[0]!;
  const trackOfFile = async (name: string) =>
    (await kit.repos.library.find(join(music, name)))?.trackId ?? null;
  const scrobble = (at: number, title: string) => {
    const listen = aScrobbledListen('ana', at, title);
    return { ...listen, event: { ...listen.event, payload: JSON.stringify({ title }) } };
  };

  async function aLibraryAndListens(): Promise<void> {
    writeMp3(join(music, 'one.mp3'), { title: 'One', artist: 'Band', album: 'First' });
    writeWav(join(music, 'two.wav'), { title: 'Two', artist: 'Band' });
    // Two recordings the tags cannot tell apart: different audio, no ISRC or MBID.
    writeMp3(join(music, 'twin-a.mp3'), { title: 'Twin', artist: 'Band' }, { fill: 1 });
    writeMp3(join(music, 'twin-b.mp3'), { title: 'Twin', artist: 'Band' }, { fill: 2 });
    await scan();
    await kit.recorder.record([
      scrobble(T0, 'One'),
      scrobble(T0 + 300_000, 'Two'),
      scrobble(T0 + 600_000, 'Twin'),
      scrobble(T0 + 900_000, 'Nothing Like It'),
    ]);
  }

  it('links a sure match, keeps rivals ambiguous with candidates, and leaves the rest unlinked', async () => {
    await aLibraryAndListens();
    const report = await linker().run();

    expect(report).toMatchObject({
      libraryTracks: 4,
      examined: 4,
      decided: { linked: 2, ambiguous: 1, unlinked: 1 },
      totals: { linked: 2, ambiguous: 1, unlinked: 1 },
    });
    const one = await linkOf('One');
    expect(one).toMatchObject({
      status: 'linked',
      track_id: await trackOfFile('one.mp3'),
      method: 'artist_title',
    });
    expect(one.confidence).toBeGreaterThanOrEqual(85);
    const twin = await linkOf('Twin');
    expect(twin).toMatchObject({ status: 'ambiguous', track_id: null, confidence: null });
    expect(twin.reason).toBe('2 library tracks match equally well');
    const candidates = JSON.parse(twin.candidates) as { trackId: number }[];
    expect(candidates.map((c) => c.trackId).sort()).toEqual(
      [await trackOfFile('twin-a.mp3'), await trackOfFile('twin-b.mp3')].sort(),
    );
    expect(await linkOf('Nothing Like It')).toMatchObject({
      status: 'unlinked',
      track_id: null,
      candidates: '[]',
    });
  });

  it("links a listen whose play's track is the library track by the file's mapping", async () => {
    await aLibraryAndListens();
    const stores = identityStoresOf(kit.repos, clock);
    const fileTrack = await trackOfFile('two.wav');
    const [libraryTrack] = await stores.tracks.findByIds([fileTrack!]);
    const [played] = await kit.query<{ id: number }>(
      `SELECT p."track_id" AS "id" FROM "plays" p JOIN "listening_events" e ON e."id" = p."event_id"
        WHERE e."payload" = ?`,
      [JSON.stringify({ title: 'Two' })],
    );
    const playTrackId = played!.id;
    const [playTrack] = await stores.tracks.findByIds([playTrackId]);
    await kit.repos.unitOfWork.transaction(() =>
      new TrackMerger(stores).mergeInto(libraryTrack!, playTrack!, 'the same recording'),
    );

    await linker().run();

    const mapping = await kit.query<{ confidence: number; method: string }>(
      `SELECT "confidence", "method" FROM "track_mappings" WHERE "service" = 'local'`,
    );
    const two = await linkOf('Two');
    expect(two).toMatchObject({ status: 'linked', track_id: fileTrack, method: 'same_track' });
    expect(mapping.map((m) => m.confidence)).toContain(two.confidence);
    expect(two.reason).toMatch(/^same track as 1 library file\(s\), mapped by /);
  });

  it('works again only on new listens, and on every undecided one when the library changes', async () => {
    await aLibraryAndListens();
    await linker().run();

    expect(await linker().run()).toMatchObject({ examined: 0, totals: { linked: 2, ambiguous: 1 } });

    await kit.recorder.record([scrobble(T0 + 1_200_000, 'One')]);
    expect(await linker().run()).toMatchObject({ examined: 1, decided: { linked: 1 } });

    writeMp3(join(music, 'nothing.mp3'), { title: 'Nothing Like It', artist: 'Band' }, { fill: 3 });
    await scan();
    expect(await linker().run()).toMatchObject({
      libraryTracks: 5,
      examined: 5,
      totals: { linked: 4, ambiguous: 1, unlinked: 0 },
    });
  });

  it('a dry run stores nothing', async () => {
    await aLibraryAndListens();
    const report = await linker().run({ dryRun: true });
    expect(report).toMatchObject({
      dryRun: true,
      examined: 4,
      decided: { linked: 2, ambiguous: 1, unlinked: 1 },
    });
    expect(await kit.query(`SELECT COUNT(*) AS "n" FROM "listen_links"`)).toEqual([{ n: 0 }]);
  });

  it('review lists the ambiguous listens; an accepted candidate stands when the library changes', async () => {
    await aLibraryAndListens();
    await linker().run();
    const twinTrack = await linkOf('Twin');
    const [item] = await review().queue();
    expect(item).toMatchObject({ listens: 1 });
    expect(item!.candidates.map((c) => [c.id, c.track?.title])).toEqual([
      [`${item!.id}.1`, 'Twin'],
      [`${item!.id}.2`, 'Twin'],
    ]);
    expect(JSON.parse(twinTrack.candidates)).toHaveLength(2);

    const chosen = item!.candidates[1]!.trackId;
    expect(await review().accept(`${item!.id}.2`)).toBe(1);
    expect(await linkOf('Twin')).toMatchObject({
      status: 'linked',
      track_id: chosen,
      method: 'manual',
      reason: 'accepted by the user',
      by_user: 1,
    });
    expect(await review().queue()).toEqual([]);

    writeMp3(join(music, 'other.mp3'), { title: 'Other', artist: 'Band' }, { fill: 4 });
    await scan();
    await linker().run();
    expect(await linkOf('Twin')).toMatchObject({ status: 'linked', track_id: chosen, by_user: 1 });
  });

  it('an id not in the queue is refused with what to give instead', async () => {
    await aLibraryAndListens();
    await linker().run();
    await expect(review().accept('L99999.1')).rejects.toMatchObject({ code: 'REVIEW.NOT_IN_QUEUE' });
  });
});

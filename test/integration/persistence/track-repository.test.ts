import { describe, expect, it } from '@jest/globals';
import { Track } from '../../../src/domain/track/track.js';
import { Isrc } from '../../../src/domain/values/isrc.js';
import { Mbid } from '../../../src/domain/values/mbid.js';
import { PartialDate } from '../../../src/domain/values/partial-date.js';
import { mbidFor } from '../../builders/index.js';
import { aTrackDraft, AT, tempDatabasePerTest } from './temp-database.js';

describe('SqlTrackRepository', () => {
  const temp = tempDatabasePerTest();

  it('round-trips a track with its ISRC, MBID, partial release date and credited artists', async () => {
    const { tracks } = temp.repos;
    const stored = await tracks.insert(
      aTrackDraft({
        title: 'Jolene',
        artists: ['Dolly Parton', 'Chet Atkins'],
        isrc: 'us-rc1-73-00001',
        mbid: mbidFor(7),
        releaseDate: '1973-10',
        status: 'canonical',
        confidence: 97.5,
        source: 'musicbrainz',
      }),
      AT,
    );

    const loaded = await tracks.findById(stored.id);

    expect(loaded).toEqual(stored);
    expect(loaded?.isrc?.equals(Isrc.parse('USRC17300001'))).toBe(true);
    expect(loaded?.mbid?.equals(Mbid.parse(mbidFor(7)))).toBe(true);
    expect(loaded?.releaseDate).toBeInstanceOf(PartialDate);
    expect(loaded?.releaseDate?.precision).toBe('month');
    expect(loaded?.primaryArtist).toBe('Dolly Parton');
    expect(loaded).toMatchObject({ status: 'canonical', mergedInto: null, createdAt: AT, updatedAt: AT });
  });

  it('keeps absent ISRC, MBID, album, duration and release date as null', async () => {
    const stored = await temp.repos.tracks.insert(
      aTrackDraft({ isrc: null, mbid: null, album: null, durationMs: null, releaseDate: null }),
      AT,
    );
    expect(await temp.repos.tracks.findById(stored.id)).toMatchObject({
      isrc: null,
      mbid: null,
      album: null,
      durationMs: null,
      releaseDate: null,
    });
  });

  it('finds tracks by ids in the order asked, skipping unknown ids', async () => {
    const ids = await temp.repos.tracks.insertMany([aTrackDraft(), aTrackDraft(), aTrackDraft()], AT);
    const found = await temp.repos.tracks.findByIds([ids[2]!, 9999, ids[0]!]);
    expect(found.map((t) => t.id)).toEqual([ids[2], ids[0]]);
  });

  it('finds every track carrying an ISRC or an MBID, oldest first', async () => {
    const { tracks } = temp.repos;
    const shared = { isrc: 'GBAYE0601498', mbid: mbidFor(42) };
    const first = await tracks.insert(aTrackDraft(shared), AT);
    await tracks.insert(aTrackDraft(), AT);
    const second = await tracks.insert(aTrackDraft(shared), AT);

    expect((await tracks.findByIsrc(Isrc.parse('GBAYE0601498'))).map((t) => t.id)).toEqual([
      first.id,
      second.id,
    ]);
    expect((await tracks.findByMbid(Mbid.parse(mbidFor(42)))).map((t) => t.id)).toEqual([
      first.id,
      second.id,
    ]);
    expect(await tracks.findByIsrc(Isrc.parse('USRC17607839'))).toEqual([]);
  });

  it('stores an update of a track and keeps its creation time', async () => {
    const { tracks } = temp.repos;
    const stored = await tracks.insert(aTrackDraft(), AT);
    const promoted = stored
      .promote('canonical', 99, AT + 1000)
      .with({ mbid: Mbid.parse(mbidFor(3)) }, AT + 1000);

    await tracks.update(promoted);

    expect(await tracks.findById(stored.id)).toEqual(promoted);
  });

  it('refuses to update a track that was never inserted', async () => {
    const stored = await temp.repos.tracks.insert(aTrackDraft(), AT);
    const ghost = new Track({ ...stored, id: stored.id + 1 });
    await expect(temp.repos.tracks.update(ghost)).rejects.toMatchObject({ code: 'DATABASE.NOT_FOUND' });
  });

  it('bulk-inserts drafts and returns their ids in draft order', async () => {
    const { tracks } = temp.repos;
    await tracks.insert(aTrackDraft(), AT);
    // 2,525 rows: fifty full multi-row statements and a remainder inserted one by one.
    const drafts = Array.from({ length: 2_525 }, (_, i) => aTrackDraft({ title: `Bulk ${i}` }));

    const ids = await tracks.insertMany(drafts, AT);

    expect(ids).toHaveLength(2_525);
    expect(new Set(ids).size).toBe(2_525);
    const stored = await tracks.findByIds(ids);
    expect(stored.map((t) => t.title)).toEqual(drafts.map((d) => d.title));
    expect(await tracks.count()).toBe(2_526);
  });

  it('stores no track of a bulk insert when one draft is invalid', async () => {
    const drafts = Array.from({ length: 20_000 }, () => aTrackDraft());
    drafts[12_345] = { ...drafts[12_345]!, title: '   ' };

    await expect(temp.repos.tracks.insertMany(drafts, AT)).rejects.toMatchObject({ code: 'TRACK.NO_TITLE' });
    expect(await temp.repos.tracks.count()).toBe(0);
  });

  it('pages through every track in id order without loading them all at once', async () => {
    const ids = await temp.repos.tracks.insertMany(
      Array.from({ length: 25 }, () => aTrackDraft()),
      AT,
    );
    const pageSizes: number[] = [];
    const seen: number[] = [];
    for await (const page of temp.repos.tracks.pages(10)) {
      pageSizes.push(page.length);
      seen.push(...page.map((t) => t.id));
    }
    expect(pageSizes).toEqual([10, 10, 5]);
    expect(seen).toEqual(ids);
  });
});

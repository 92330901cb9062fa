import { beforeEach, describe, expect, it } from '@jest/globals';
import type { TrackId } from '../../../src/domain/track/track.js';
import {
  aPlaylistDraft,
  aTrackDraft,
  AT,
  FOREIGN_KEY_VIOLATION,
  tempDatabasePerTest,
} from './temp-database.js';

describe('SqlPlaylistRepository', () => {
  const temp = tempDatabasePerTest();
  let trackIds: TrackId[];

  beforeEach(async () => {
    trackIds = await temp.repos.tracks.insertMany([aTrackDraft(), aTrackDraft(), aTrackDraft()], AT);
  });

  it('round-trips a playlist with its items in position order', async () => {
    const draft = aPlaylistDraft({ trackIds: [trackIds[2]!, trackIds[0]!, trackIds[2]!], isPublic: null });
    const saved = await temp.repos.playlists.save(draft);

    expect(saved).toEqual({ ...draft, id: saved.id });
    expect(await temp.repos.playlists.findById(saved.id)).toEqual(saved);
    expect(await temp.repos.playlists.findByExternal('spotify', draft.externalId!)).toEqual(saved);
  });

  it('updates the known playlist when a service playlist is saved again, replacing its items', async () => {
    const { playlists } = temp.repos;
    const first = await playlists.save(aPlaylistDraft({ trackIds: [trackIds[0]!, trackIds[1]!] }));
    const { id: _id, ...again } = { ...first, name: 'Renamed', items: [{ ...first.items[1]!, position: 0 }] };

    const second = await playlists.save(again);

    expect(second.id).toBe(first.id);
    expect(await playlists.findById(first.id)).toMatchObject({
      name: 'Renamed',
      items: [{ position: 0, trackId: trackIds[1] }],
    });
    expect(await playlists.list()).toHaveLength(1);
  });

  it('keeps internal playlists apart although none has a service id', async () => {
    const { playlists } = temp.repos;
    await playlists.save(aPlaylistDraft({ service: null, externalId: null, name: 'B mix' }));
    await playlists.save(aPlaylistDraft({ service: null, externalId: null, name: 'A mix', trackIds }));

    const listed = await playlists.list();

    expect(listed.map((p) => [p.name, p.itemCount, p.service])).toEqual([
      ['A mix', 3, null],
      ['B mix', 0, null],
    ]);
  });

  it('leaves a playlist untouched when saving it fails part-way', async () => {
    const { playlists } = temp.repos;
    const saved = await playlists.save(aPlaylistDraft({ trackIds: [trackIds[0]!] }));

    // Track 999 does not exist: the item insert fails after the header and the old items were changed.
    const broken = { ...saved, name: 'Broken', items: [{ ...saved.items[0]!, trackId: 999 }] };
    await expect(playlists.save(broken)).rejects.toMatchObject({ code: FOREIGN_KEY_VIOLATION });

    expect(await playlists.findById(saved.id)).toEqual(saved);
  });

  it('refuses to update a playlist id that was never saved', async () => {
    const draft = aPlaylistDraft();
    await expect(temp.repos.playlists.save({ ...draft, id: 4242 })).rejects.toMatchObject({
      code: 'DATABASE.NOT_FOUND',
    });
  });
});

// The saved tracks whose pages arrive as HTTP 200 but spoiled (cut short, an HTML page, half a page)
// are read again until whole, or the read fails naming the list and the page: a partial list of saved
// tracks must never pass for the whole one (a mirror sync removes what it lacks).
import { describe, expect, it } from '@jest/globals';
import { aFakeTrack } from '../../fakes/spotify/fake-spotify-builders.js';
import { failureOf, fakeSpotifyPerTest, readsOfPage, spotifyRig } from './spotify-test-kit.js';

const fake = fakeSpotifyPerTest();

/** `n` saved tracks, one minute apart; their ids newest first, as Spotify lists them. */
function savedLibraryOf(n: number): string[] {
  const tracks = fake.addTracks(...Array.from({ length: n }, () => aFakeTrack()));
  fake.addSavedTracks(
    tracks.map((t, i) => ({
      trackId: t.id,
      addedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    })),
  );
  return tracks.map((t) => t.id).reverse();
}

const pageReadsAt = (offset: number): number => readsOfPage(fake, 'GET /me/tracks', offset);

describe('reading the saved tracks when a page is spoiled on the way', () => {
  it('reads a page again when it came back cut short once, and returns the whole list', async () => {
    const ids = savedLibraryOf(120);
    fake.spoilSavedTracksPage(50);
    const { client } = spotifyRig(fake);

    const saved = await client.listSavedTracks();

    expect(saved.map((s) => s.track?.externalId)).toEqual(ids);
    expect(pageReadsAt(50)).toBe(2);
  });

  it('reads pages again when they came back as an HTML page or with half their items', async () => {
    const ids = savedLibraryOf(120);
    fake.spoilSavedTracksPage(0, { body: 'html' });
    fake.spoilSavedTracksPage(100, { body: 'garbled', times: 2 });
    const { client } = spotifyRig(fake);

    const saved = await client.listSavedTracks();

    expect(saved.map((s) => s.track?.externalId)).toEqual(ids);
    expect(pageReadsAt(0)).toBe(2);
    expect(pageReadsAt(100)).toBe(3);
  });

  it('fails naming the list and the offset when a page stays cut short, after 3 attempts', async () => {
    savedLibraryOf(120);
    fake.spoilSavedTracksPage(50, { times: 'always' });
    const { client } = spotifyRig(fake);

    const error = await failureOf(client.listSavedTracks());

    expect(error).toMatchObject({ code: 'SPOTIFY.UNREADABLE_ANSWER', category: 'failure' });
    expect(error.message).toContain(
      'The Spotify list GET /me/tracks: the page at offset 50 came back unreadable 3 times (JSON cut short',
    );
    expect(error.message).toContain('Narada does not go on with part of a list');
    expect(pageReadsAt(50)).toBe(3);
    expect(pageReadsAt(100)).toBe(0);
  });

  it('fails when the first page is always an HTML page', async () => {
    savedLibraryOf(3);
    fake.spoilSavedTracksPage(0, { body: 'html', times: 'always' });
    const { client } = spotifyRig(fake);

    const error = await failureOf(client.listSavedTracks());

    expect(error).toMatchObject({ code: 'SPOTIFY.UNREADABLE_ANSWER' });
    expect(error.message).toContain('offset 0 came back unreadable 3 times (an HTML page instead of JSON)');
  });

  it('fails when the list ends before the total Spotify gave, instead of returning part of it', async () => {
    savedLibraryOf(120);
    fake.spoilSavedTracksPage(50, { body: 'ends-early' });
    const { client } = spotifyRig(fake);

    const error = await failureOf(client.listSavedTracks());

    expect(error).toMatchObject({ code: 'SPOTIFY.LIST_READ_INCOMPLETE', category: 'failure' });
    expect(error.message).toContain('Your Spotify saved tracks: read 100 but Spotify says there are 120');
  });

  it('fails when a saved track is removed while the list is read (a later one would be skipped)', async () => {
    const ids = savedLibraryOf(120);
    const { client } = spotifyRig(fake);
    const saved = fake.state.savedOf(fake.defaultUserId);
    let pages = 0;
    const removeNewestAfterFirstPage = (): void => {
      if (++pages === 1)
        saved.splice(
          saved.findIndex((entry) => entry.trackId === ids[0]),
          1,
        );
    };

    const error = await failureOf(client.listSavedTracks({ onProgress: removeNewestAfterFirstPage }));

    expect(error).toMatchObject({ code: 'SPOTIFY.LIST_READ_INCOMPLETE' });
    expect(error.message).toContain('changed while they were read');
  });
});

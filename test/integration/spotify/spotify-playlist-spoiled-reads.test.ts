// A playlist whose answers arrive as HTTP 200 but spoiled (cut short, an HTML page, not whole) is read
// again until it is whole, or the read fails naming the playlist and the page: never a partial list.
import { describe, expect, it } from '@jest/globals';
import { aFakeTrack, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import { failureOf, fakeSpotifyPerTest, readsOfPage, spotifyRig } from './spotify-test-kit.js';

const fake = fakeSpotifyPerTest();

function aPlaylistOf(n: number): { id: string; uris: string[] } {
  const uris = fake.addTracks(...Array.from({ length: n }, () => aFakeTrack())).map(trackUri);
  return { id: fake.addPlaylist({ name: `Mix of ${n}`, entries: uris }).id, uris };
}

const pageReadsAt = (offset: number): number => readsOfPage(fake, 'GET /playlists/{id}/items', offset);

describe('reading a playlist whose answers are spoiled on the way', () => {
  it('reads a page again when it came back cut short once, and returns every entry (2,000, read in parallel)', async () => {
    const { id, uris } = aPlaylistOf(2_000);
    fake.spoilPlaylistPage(500);
    const { client } = spotifyRig(fake);

    const read = await client.getPlaylist(id);

    expect(read.entries.map((e) => e.uri)).toEqual(uris);
    expect(read.itemCount).toBe(2_000);
    expect(pageReadsAt(500)).toBe(2);
  });

  it('reads a page again when it came back as an HTML page or with half its items (sequential read)', async () => {
    const { id, uris } = aPlaylistOf(350);
    fake.spoilPlaylistPage(100, { body: 'html' });
    fake.spoilPlaylistPage(300, { body: 'garbled' });
    const { client } = spotifyRig(fake);

    const read = await client.getPlaylist(id);

    expect(read.entries.map((e) => e.uri)).toEqual(uris);
    expect(pageReadsAt(100)).toBe(2);
    expect(pageReadsAt(300)).toBe(2);
  });

  it('fails naming the playlist and the offset when a page stays cut short, after 3 attempts', async () => {
    const { id } = aPlaylistOf(2_000);
    fake.spoilPlaylistPage(500, { times: 'always' });
    const { client } = spotifyRig(fake);

    const error = await failureOf(client.getPlaylist(id));

    expect(error).toMatchObject({ code: 'SPOTIFY.UNREADABLE_ANSWER', category: 'failure' });
    expect(error.message).toContain(
      `Spotify playlist ${id}: the page at offset 500 came back unreadable 3 times`,
    );
    expect(error.message).toContain('JSON cut short');
    expect(pageReadsAt(500)).toBe(3);
  });

  it('fails when a page always has fewer items than its total says are due', async () => {
    const { id } = aPlaylistOf(250);
    fake.spoilPlaylistPage(200, { body: 'garbled', times: 'always' });
    const { client } = spotifyRig(fake);

    const error = await failureOf(client.getPlaylist(id));

    expect(error.message).toMatch(/offset 200 .*\(25 items where 50 were due\)/);
  });

  it("reads the playlist's description again when it came back without an id, and refuses one that never has it", async () => {
    const { id, uris } = aPlaylistOf(120);
    fake.spoilPlaylistHeader({ body: 'garbled' });
    const { client } = spotifyRig(fake);

    const read = await client.getPlaylist(id);
    expect(read).toMatchObject({ id, name: 'Mix of 120' });
    expect(read.entries.map((e) => e.uri)).toEqual(uris);

    fake.spoilPlaylistHeader({ body: 'truncated', times: 'always' });
    const error = await failureOf(client.getPlaylist(id));
    expect(error).toMatchObject({ code: 'SPOTIFY.UNREADABLE_ANSWER', category: 'failure' });
    expect(error.message).toContain(`Spotify playlist ${id}: its description (GET /playlists/{id})`);
  });

  it('fails when the list ends before the total Spotify gave, instead of returning part of the playlist', async () => {
    const { id } = aPlaylistOf(500);
    fake.spoilPlaylistPage(300, { body: 'ends-early' });
    const { client } = spotifyRig(fake);

    const error = await failureOf(client.getPlaylist(id));

    expect(error).toMatchObject({ code: 'SPOTIFY.PLAYLIST_READ_INCOMPLETE', category: 'failure' });
    expect(error.message).toContain(`Spotify playlist ${id}: read 400 items but Spotify says it has 500`);
  });
});

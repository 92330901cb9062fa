import { describe, expect, it } from '@jest/globals';
import type { ConnectorTrack } from '../../../../src/domain/track/connector-track.js';
import { withTracks, type TrackList } from '../../../../src/domain/workflow/track-list.js';
import { spotifyIdFor } from '../../../builders/index.js';
import { nodeKit, runNode, type Kit } from './node-kit.js';

const MIX = spotifyIdFor(7001);
const OTHER = spotifyIdFor(7002);

/** A playlist of `titles` added at 1000, 1001, …; returns what source.spotify_playlist read. */
async function seeded(
  kit: Kit,
  titles: readonly string[],
  id = MIX,
): Promise<{ list: TrackList; tracks: ConnectorTrack[] }> {
  const tracks = titles.map((title) => kit.spotify.addTrack({ title }));
  kit.spotify.addPlaylist(
    id,
    `Playlist ${id.slice(-2)}`,
    tracks.map((t, i) => kit.spotify.entry(t, 1000 + i)),
  );
  const { output } = await runNode(kit, 'source.spotify_playlist', { playlist_id: id });
  return { list: output, tracks };
}

function reorder(list: TrackList, order: readonly number[]): TrackList {
  return withTracks(
    list,
    order.map((i) => list.tracks[i]!),
  );
}

const titlesOn = (kit: Kit, id = MIX) =>
  kit.spotify.entries(id).map((e) => (e.kind === 'track' ? e.track.title : e.kind));
const addedAtOn = (kit: Kit, id = MIX) =>
  Object.fromEntries(
    kit.spotify.entries(id).map((e) => [e.kind === 'track' ? e.track.title : e.kind, e.addedAt]),
  );

describe('destination.update_playlist on Spotify (operation_type update_spotify)', () => {
  it('keeps added_at when only the order changes, moving only what must move', async () => {
    const kit = nodeKit();
    const { list } = await seeded(kit, ['A', 'B', 'C', 'D']);

    const result = await runNode(
      kit,
      'destination.update_playlist',
      { playlist_id: MIX, operation_type: 'update_spotify' },
      { sort: reorder(list, [3, 0, 1, 2]) },
    );

    expect(titlesOn(kit)).toEqual(['D', 'A', 'B', 'C']);
    expect(addedAtOn(kit)).toEqual({ A: 1000, B: 1001, C: 1002, D: 1003 });
    expect(kit.spotify.writes().map((call) => call.method)).toEqual(['reorderPlaylistItems']);
    expect(result.details?.change).toMatchObject({ moved: 1, added: 0, removed: 0, kept: 4, writeCalls: 1 });
  });

  it('removes and adds in batches of at most 100, chaining snapshot ids, and keeps the rest', async () => {
    const kit = nodeKit();
    const names = Array.from({ length: 230 }, (_, i) => `T${i}`);
    const { list } = await seeded(kit, names);
    const { list: extra } = await seeded(
      kit,
      Array.from({ length: 120 }, (_, i) => `N${i}`),
      OTHER,
    );
    const target = withTracks(list, [...list.tracks.slice(0, 10), ...extra.tracks]);

    await runNode(
      kit,
      'destination.update_playlist',
      { playlist_id: MIX, operation_type: 'update_spotify' },
      { in: target },
    );

    expect(titlesOn(kit)).toEqual(target.tracks.map((t) => t.title));
    expect(kit.spotify.writes().every((call) => (call.size ?? 0) <= 100)).toBe(true);
    expect(kit.spotify.writes().filter((c) => c.method === 'removePlaylistItems')).toHaveLength(3);
    const removes = kit.spotify.writes().filter((c) => c.method === 'removePlaylistItems');
    expect(new Set(removes.map((c) => c.snapshotId)).size).toBe(3);
    expect(addedAtOn(kit)['T3']).toBe(1003);
  });

  it('in a dry run writes nothing and reports the adds, removes, moves and calls it would make', async () => {
    const kit = nodeKit({ dryRun: true });
    const { list } = await seeded(kit, ['A', 'B', 'C']);
    const { list: extra } = await seeded(kit, ['New'], OTHER);
    const target = withTracks(list, [list.tracks[2]!, list.tracks[0]!, extra.tracks[0]!]);

    const result = await runNode(
      kit,
      'destination.update_playlist',
      { playlist_id: MIX, operation_type: 'update_spotify' },
      { in: target },
    );

    expect(kit.spotify.writes()).toEqual([]);
    expect(titlesOn(kit)).toEqual(['A', 'B', 'C']);
    expect(result.details?.change).toMatchObject({
      added: 1,
      removed: 1,
      moved: 1,
      addedItems: [expect.stringContaining('New')],
      removedItems: [expect.stringContaining('B')],
      calls: [
        expect.stringMatching(/^DELETE .*remove 1/),
        expect.stringMatching(/^PUT .*move 1/),
        expect.stringMatching(/^POST .*add 1 at 2/),
      ],
    });
  });

  it('re-reads and re-plans when the playlist changed after the source read it', async () => {
    const kit = nodeKit();
    const { list } = await seeded(kit, ['A', 'B', 'C']);
    kit.spotify.editElsewhere(MIX, (entries) => entries.reverse());

    const result = await runNode(
      kit,
      'destination.update_playlist',
      { playlist_id: MIX, operation_type: 'update_spotify' },
      { in: list },
    );

    expect(titlesOn(kit)).toEqual(['A', 'B', 'C']);
    expect(result.details?.attempts).toBe(2);
    // The source's read, the fresh read after the snapshot check, the read-back after the writes.
    expect(kit.spotify.calls.filter((c) => c.method === 'getPlaylist')).toHaveLength(3);
  });

  it('re-plans when Spotify refuses a write because someone changed the playlist just before it', async () => {
    const kit = nodeKit();
    const { list } = await seeded(kit, ['A', 'B', 'C']);
    kit.spotify.failWrites = 1;
    kit.spotify.beforeWrite = () => {
      kit.spotify.beforeWrite = null;
      kit.spotify.editElsewhere(MIX, (entries) => entries.reverse());
    };

    const result = await runNode(
      kit,
      'destination.update_playlist',
      { playlist_id: MIX, operation_type: 'update_spotify' },
      { in: reorder(list, [2, 0, 1]) },
    );

    expect(titlesOn(kit)).toEqual(['C', 'A', 'B']);
    expect(result.details?.attempts).toBe(2);
  });

  it('passes on a refused write as it is when nobody else changed the playlist', async () => {
    const kit = nodeKit();
    const { list } = await seeded(kit, ['A', 'B', 'C']);
    kit.spotify.failWrites = 1;

    await expect(
      runNode(
        kit,
        'destination.update_playlist',
        { playlist_id: MIX, operation_type: 'update_spotify' },
        { in: reorder(list, [2, 1, 0]) },
      ),
    ).rejects.toMatchObject({ code: 'SPOTIFY.HTTP_400' });
    expect(kit.spotify.writes()).toHaveLength(1);
  });

  it('stops with a clear message when the playlist keeps changing', async () => {
    const kit = nodeKit();
    const { list } = await seeded(kit, ['A', 'B', 'C']);
    kit.spotify.beforeWrite = () => kit.spotify.editElsewhere(MIX, (entries) => entries.reverse());

    await expect(
      runNode(
        kit,
        'destination.update_playlist',
        { playlist_id: MIX, operation_type: 'update_spotify' },
        { in: reorder(list, [2, 1, 0]) },
      ),
    ).rejects.toMatchObject({
      code: 'PLAYLIST.KEPT_CHANGING',
      message: expect.stringContaining('Run the same command again'),
    });
  });

  it('keeps podcast episodes it cannot see where they are, and says so', async () => {
    const kit = nodeKit();
    const tracks = ['A', 'B'].map((title) => kit.spotify.addTrack({ title }));
    const episode = {
      kind: 'episode' as const,
      uri: 'spotify:episode:e1',
      episode: { id: 'e1', title: 'Talk', show: 'Show', durationMs: 1, releaseDate: null },
      position: 0,
      addedAt: 5,
      addedBy: null,
    };
    kit.spotify.addPlaylist(MIX, 'With episode', [
      episode,
      ...tracks.map((t, i) => kit.spotify.entry(t, 10 + i)),
    ]);
    const { output } = await runNode(kit, 'source.spotify_playlist', { playlist_id: MIX });

    const result = await runNode(
      kit,
      'destination.update_playlist',
      { playlist_id: MIX, operation_type: 'update_spotify' },
      { in: reorder(output, [1, 0]) },
    );

    expect(titlesOn(kit)).toEqual(['episode', 'B', 'A']);
    expect(addedAtOn(kit)['episode']).toBe(5);
    expect(kit.spotify.writes().map((c) => c.method)).not.toContain('removePlaylistItems');
    expect(result.warnings?.join(' ')).toContain('#1 Show – Talk');
  });

  it('uses a full replace only when preserve_added_at is false and it needs fewer calls', async () => {
    const kit = nodeKit();
    const { list } = await seeded(
      kit,
      Array.from({ length: 40 }, (_, i) => `T${i}`),
    );
    const reversed = withTracks(list, [...list.tracks].reverse());

    const result = await runNode(
      kit,
      'destination.update_playlist',
      { playlist_id: MIX, operation_type: 'update_spotify', preserve_added_at: false },
      { in: reversed },
    );

    expect(kit.spotify.writes().map((c) => c.method)).toEqual(['replacePlaylistItems']);
    expect(result.details?.change).toMatchObject({
      strategy: 'replace',
      writeCalls: 1,
      alternativeWriteCalls: 39,
    });
    expect(result.warnings?.join(' ')).toContain('added_at was reset');
  });
});

describe('destination.update_spotify_playlist', () => {
  it('with append adds only the tracks the playlist lacks, at the end', async () => {
    const kit = nodeKit();
    const { list } = await seeded(kit, ['A', 'B']);
    const { list: extra } = await seeded(kit, ['C'], OTHER);

    await runNode(
      kit,
      'destination.update_spotify_playlist',
      { playlist_id: MIX, append: true },
      {
        in: withTracks(list, [extra.tracks[0]!, ...list.tracks]),
      },
    );

    expect(titlesOn(kit)).toEqual(['A', 'B', 'C']);
    expect(kit.spotify.writes()).toEqual([expect.objectContaining({ method: 'addPlaylistItems', size: 1 })]);
  });

  it('without append updates differentially, like update_playlist', async () => {
    const kit = nodeKit();
    const { list } = await seeded(kit, ['A', 'B']);

    await runNode(
      kit,
      'destination.update_spotify_playlist',
      { playlist_id: MIX },
      { in: reorder(list, [1, 0]) },
    );

    expect(titlesOn(kit)).toEqual(['B', 'A']);
    expect(addedAtOn(kit)).toEqual({ A: 1000, B: 1001 });
  });
});

import { describe, expect, it } from '@jest/globals';
import { SpotifyLinks } from '../../../../src/application/workflow/spotify-links.js';
import { aTrack, aTrackMapping } from '../../../builders/index.js';
import { MemoryMappings } from './memory-ports.js';

describe('SpotifyLinks', () => {
  it('writes two Spotify versions of one recording back as the two items they were read as', async () => {
    const links = new SpotifyLinks();
    const track = aTrack();
    links.record(track.id, 'spotify:track:original');
    links.record(track.id, 'spotify:track:remaster');

    expect(await links.urisFor([track, track], new MemoryMappings())).toEqual([
      'spotify:track:original',
      'spotify:track:remaster',
    ]);
  });

  it("falls back to the track's accepted Spotify mapping, preferring a pinned one", async () => {
    const mappings = new MemoryMappings();
    const [mapped, unknown] = [aTrack(), aTrack()];
    await mappings.upsert(
      aTrackMapping({ trackId: mapped!.id, externalId: 'best0000000000000000000', confidence: 90 }),
    );
    await mappings.upsert(
      aTrackMapping({
        trackId: mapped!.id,
        externalId: 'pinned00000000000000000',
        confidence: 70,
        pinned: true,
      }),
    );
    await mappings.upsert(
      aTrackMapping({ trackId: unknown!.id, externalId: 'rejected000000000000000', status: 'rejected' }),
    );

    expect(await new SpotifyLinks().urisFor([mapped!, unknown!], mappings)).toEqual([
      'spotify:track:pinned00000000000000000',
      null,
    ]);
  });
});

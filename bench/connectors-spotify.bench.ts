// Reads a 10,000-entry playlist from the fake Spotify through the real client over a socket, and
// compares the requests made with the floor of one metadata call plus one per 100 entries.
import { CallCounter } from '../src/infrastructure/connectors/http/call-counter.js';
import {
  aFakeArtist,
  aFakeTrack,
  localFileUri,
  trackUri,
} from '../test/fakes/spotify/fake-spotify-builders.js';
import { startFakeSpotify, type FakeSpotify } from '../test/fakes/spotify/fake-spotify.js';
import { median, peakRssMb, report, seededRandom, timed } from './harness.js';
import { spotifyApiCalls, spotifyClientFor } from './support/fake-spotify-client.js';

const ENTRIES = 10_000;
const RUNS = 3;

/** A realistic mix: a few hundred artists, some local files, some entries Spotify no longer serves. */
function seedPlaylist(fake: FakeSpotify, n: number): string {
  const random = seededRandom(2026);
  const artists = Array.from({ length: 400 }, (_, i) => aFakeArtist(`Artist ${i}`));
  const uris: string[] = [];
  for (let i = 0; i < n; i++) {
    const roll = random();
    if (roll < 0.01) {
      uris.push(
        localFileUri({ artist: `Local ${i}`, album: 'Rips', title: `Take ${i}`, seconds: 120 + (i % 200) }),
      );
      continue;
    }
    const track = aFakeTrack({
      name: `Song ${i}`,
      artists: [artists[Math.floor(random() * artists.length)]!],
      durationMs: 90_000 + Math.floor(random() * 300_000),
      album: { releaseDate: String(1960 + Math.floor(random() * 66)), releaseDatePrecision: 'year' },
    });
    // Entries whose track is not in the catalogue come back unavailable (`item: null`).
    if (roll >= 0.015) fake.addTracks(track);
    uris.push(trackUri(track));
  }
  return fake.addPlaylist({ name: 'Bench 10k', entries: uris }).id;
}

async function main(): Promise<void> {
  const fake = await startFakeSpotify();
  try {
    const playlistId = seedPlaylist(fake, ENTRIES);
    const seconds: number[] = [];
    let apiCalls = 0;
    let entries = 0;
    for (let run = 0; run < RUNS; run++) {
      const calls = new CallCounter();
      const client = spotifyClientFor(fake, calls);
      const { value, seconds: elapsed } = await timed(() => client.getPlaylist(playlistId));
      seconds.push(elapsed);
      entries = value.entries.length;
      apiCalls = spotifyApiCalls(calls);
    }
    const bound = Math.ceil(ENTRIES / 100) + 1;
    report([
      {
        name: `read a ${ENTRIES.toLocaleString('en')}-entry Spotify playlist (real client, fake server)`,
        metrics: {
          entries,
          calls: apiCalls,
          calls_lower_bound: bound,
          seconds: Math.round(median(seconds) * 1000) / 1000,
          peak_rss_mb: peakRssMb(),
        },
        target: `calls <= ceil(n/100)+1 = ${bound}, every entry returned`,
        pass: apiCalls <= bound && entries === ENTRIES,
      },
    ]);
  } finally {
    await fake.close();
  }
}

await main();

// 60 concurrent MusicBrainz look-ups through the real client and HTTP layer against the fake, which
// enforces 1 request/second: the limiter must keep every caller under it (no 503) at full pace.
import { Mbid } from '../src/domain/values/mbid.js';
import { CallCounter } from '../src/infrastructure/connectors/http/call-counter.js';
import { InMemoryResponseCache } from '../src/infrastructure/connectors/http/in-memory-response-cache.js';
import { MusicBrainzClient } from '../src/infrastructure/connectors/musicbrainz/musicbrainz-client.js';
import { createMusicBrainzHttpClient } from '../src/infrastructure/connectors/musicbrainz/musicbrainz-http.js';
import { MusicBrainzCatalog } from '../test/fakes/musicbrainz/musicbrainz-catalog.js';
import { startFakeMusicBrainz } from '../test/fakes/musicbrainz/fake-musicbrainz.js';
import { peakRssMb, report, seededRandom, timed } from './harness.js';

const LOOKUPS = 60;

/** A catalog of LOOKUPS recordings with ISRCs and releases, each looked up by MBID. */
function generateCatalog(random: () => number): { catalog: MusicBrainzCatalog; ids: Mbid[] } {
  const catalog = new MusicBrainzCatalog();
  const ids: Mbid[] = [];
  for (let n = 0; n < LOOKUPS; n++) {
    const recording = catalog.addRecording({
      title: `Bench Song ${n}`,
      artists: [`Artist ${Math.floor(random() * 10)}`],
      isrcs: [`GBAAA${String(10 + Math.floor(random() * 89))}${String(n).padStart(5, '0')}`],
      lengthMs: 120_000 + Math.floor(random() * 180_000),
      releases: [{ title: `Album ${n}`, date: `${1960 + Math.floor(random() * 60)}-01-01` }],
    });
    ids.push(Mbid.parse(recording.id));
  }
  return { catalog, ids };
}

const { catalog, ids } = generateCatalog(seededRandom(42));
const fake = await startFakeMusicBrainz({ catalog });
const calls = new CallCounter();
// The factory's default limiter is the process-wide one the app uses.
const client = new MusicBrainzClient({
  baseUrl: fake.url,
  http: createMusicBrainzHttpClient({ calls }),
  cache: new InMemoryResponseCache(),
});

const { value: found, seconds } = await timed(() =>
  Promise.all(ids.map(async (id) => (await client.recording(id)) !== null)),
);
const callsForLookups = calls.total('musicbrainz');
await Promise.all(ids.map((id) => client.recording(id)));
const callsForRepeats = calls.total('musicbrainz') - callsForLookups;
const maxInWindow = fake.maxRequestsInAnyWindow(1000);
const refused = fake.requests.filter((r) => r.status === 503).length;
await fake.close();

const allFound = found.every(Boolean);
report([
  {
    name: `MusicBrainz: ${LOOKUPS} concurrent look-ups through the client against the rate-limiting fake`,
    metrics: {
      seconds: Math.round(seconds * 10) / 10,
      calls: callsForLookups,
      max_requests_in_any_1s_window: maxInWindow,
      responses_503: refused,
      all_found: allFound ? 'yes' : 'no',
      calls_for_cached_repeats: callsForRepeats,
      peak_rss_mb: peakRssMb(),
    },
    target: '<= 1 request in any 1 s window, no 503, repeats served from cache',
    pass: maxInWindow <= 1 && refused === 0 && allFound && callsForRepeats === 0,
  },
]);

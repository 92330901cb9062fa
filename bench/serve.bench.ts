// `narada serve` under load, against the fakes: 200 concurrent visitors of cached years (autocannon
// in a second process on 127.0.0.1: requests/s and p99 latency of the HTML chart page and of its
// JSON), and 20 new (user, year) jobs asked for at once, with the rate limits holding (MusicBrainz
// at most 1 request in any second, no Last.fm refusal) and the time until all are completed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SILENT_PROGRESS } from '../src/application/ports/progress.port.js';
import { loadConfig } from '../src/infrastructure/config/config.js';
import { createAppContainer } from '../src/infrastructure/di/container.js';
import { LASTYEAR } from '../src/infrastructure/di/lastyear.tokens.js';
import { JsonLinesLogger } from '../src/infrastructure/logging/json-lines-logger.js';
import { Redactor } from '../src/infrastructure/logging/redact.js';
import { lastfmEnv, musicbrainzEnv } from '../test/fakes/fake-service-env.js';
import { aFakeScrobble } from '../test/fakes/lastfm/fake-lastfm-builders.js';
import { setFakeRegistration } from '../test/fakes/lastfm/fake-lastfm-chart-methods.js';
import { startFakeLastfm } from '../test/fakes/lastfm/fake-lastfm.js';
import { startFakeMusicBrainz } from '../test/fakes/musicbrainz/fake-musicbrainz.js';
import { peakRssMb, report, seededRandom, timed, type BenchResult } from './harness.js';

const CACHED_USERS = 5;
const NEW_JOBS = 20;
/** Scrobbles of each user in 2024: two Last.fm pages. */
const SCROBBLES = 300;
const RECORDINGS_PER_USER = 5;
const VISITORS = 200;
const SECONDS = 10;

const random = seededRandom(15);
const lastfm = await startFakeLastfm();
const musicbrainz = await startFakeMusicBrainz();
const start2024 = Date.UTC(2024, 0, 1) / 1000;

function seed(user: string): void {
  const mbids = Array.from(
    { length: RECORDINGS_PER_USER },
    (_, n) =>
      musicbrainz.catalog.addRecording({
        title: `${user} song ${n}`,
        artists: [`${user} artist`],
        releases: [{ title: `${user} album ${n}`, date: `${1960 + Math.floor(random() * 64)}-01-01` }],
      }).id,
  );
  lastfm.addScrobbles(
    user,
    Array.from({ length: SCROBBLES }, (_, n) =>
      aFakeScrobble({
        artist: `${user} artist`,
        track: `${user} song ${n % 40}`,
        album: null,
        mbid: n % 40 < RECORDINGS_PER_USER ? mbids[n % 40]! : null,
        timestamp: start2024 + Math.floor(random() * 365 * 86_400),
      }),
    ),
  );
  setFakeRegistration(lastfm.state, user, start2024 - 86_400);
}

const folder = mkdtempSync(join(tmpdir(), 'narada-bench-serve-'));
const env = { NARADA_HOME: folder, ...lastfmEnv(lastfm), ...musicbrainzEnv(musicbrainz) };
const logger = new JsonLinesLogger({ dir: join(folder, 'logs'), redactor: new Redactor([]) });
const container = createAppContainer({
  config: loadConfig({ env, cwd: folder, homeDir: folder }),
  logger,
  progress: SILENT_PROGRESS,
});
const server = await (await container.get(LASTYEAR.WebServer))({ host: '127.0.0.1', port: 0 });

async function completed(user: string): Promise<void> {
  for (;;) {
    const response = await fetch(`${server.url}/user/${user}/2024`, {
      headers: { accept: 'application/json' },
    });
    const { status } = (await response.json()) as { status: string };
    if (status === 'completed') return;
    if (status === 'failed') throw new Error(`the job of ${user} failed`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const results: BenchResult[] = [];

// 20 new jobs at once.
const newUsers = Array.from({ length: NEW_JOBS }, (_, n) => `new${n}`);
newUsers.forEach(seed);
const { seconds: jobSeconds } = await timed(() => Promise.all(newUsers.map(completed)));
const mbMax = musicbrainz.maxRequestsInAnyWindow(1000);
const mbRefused = musicbrainz.requests.filter((r) => r.status === 503).length;
const lastfmRefused = lastfm.calls().filter((c) => c.status !== 200).length;
results.push({
  name: `${NEW_JOBS} new (user, year) jobs at once (${SCROBBLES} scrobbles, ${RECORDINGS_PER_USER} recordings to date each)`,
  metrics: {
    seconds_until_all_completed: Math.round(jobSeconds * 10) / 10,
    lastfm_calls: lastfm.calls().length,
    lastfm_refused: lastfmRefused,
    musicbrainz_requests: musicbrainz.requests.length,
    musicbrainz_max_in_any_second: mbMax,
    musicbrainz_refused: mbRefused,
  },
  target: 'rate limits hold: MusicBrainz at most 1 request in any second, nothing refused',
  pass: mbMax <= 1 && mbRefused === 0 && lastfmRefused === 0,
});

// 200 visitors of cached years, from a second process.
const cachedUsers = newUsers.slice(0, CACHED_USERS);
const autocannon = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
for (const [label, accept] of [
  ['HTML chart page', 'text/html'],
  ['JSON', 'application/json'],
] as const) {
  const url = `${server.url}/user/${cachedUsers[0]}/2024`;
  const run = await runAutocannon(autocannon, url, accept);
  results.push({
    name: `${VISITORS} concurrent visitors of a cached year, ${label}, ${SECONDS} s`,
    metrics: {
      requests_per_s: Math.round(run.requests.average),
      latency_p99_ms: run.latency.p99,
      latency_median_ms: run.latency.p50,
      errors: run.errors + run.non2xx,
      peak_rss_mb: peakRssMb(),
    },
    target: 'no error',
    pass: run.errors + run.non2xx === 0,
  });
}

await server.close();
await container.close();
logger.close();
await lastfm.close();
await musicbrainz.close();
rmSync(folder, { recursive: true, force: true });
report(results);

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}

/** autocannon's CLI in its own process (the server keeps answering in this one meanwhile). */
function runAutocannon(bin: string, url: string, accept: string): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [bin, '-c', String(VISITORS), '-d', String(SECONDS), '-H', `accept=${accept}`, '-j', url],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out) as AutocannonResult);
      } catch (error) {
        reject(error);
      }
    });
  });
}

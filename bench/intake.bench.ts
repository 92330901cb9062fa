// Listen intake under load: 100,000 listens sent to `POST /1/submit-listens` by 20 concurrent clients
// (one user each, `import` batches of 100) over real sockets on 127.0.0.1, the clients in a process of
// their own as players would be. Then the ledger is counted: every listen once, none lost, none twice,
// and a second sending of some batches adds nothing. Reports listens/s and request latency (p50, p99).
// `node dist/bench/intake.bench.js` runs it alone.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { ListenRecorder } from '../src/application/history/listen-recorder.js';
import { NowPlayingBoard } from '../src/application/intake/now-playing.js';
import { ShowListens } from '../src/application/use-cases/intake/show-listens.js';
import { ShowPlayingNow } from '../src/application/use-cases/intake/show-playing-now.js';
import { SubmitListens } from '../src/application/use-cases/intake/submit-listens.js';
import { ValidateToken } from '../src/application/use-cases/intake/validate-token.js';
import { AddUser } from '../src/application/use-cases/users/add-user.js';
import { systemClock } from '../src/infrastructure/clock/system-clock.js';
import { openDatabase } from '../src/infrastructure/persistence/open-database.js';
import { createRepositories } from '../src/infrastructure/persistence/repositories.js';
import { listenBrainzRoutes } from '../src/infrastructure/web/listenbrainz/listenbrainz-routes.js';
import { capitalise, PLAIN_SYLLABLES } from './support/made-up-words.js';
import { type BenchResult, peakRssMb, report, seededRandom } from './harness.js';

const LISTENS = 100_000;
const CLIENTS = 20;
const BATCH = 100;
/** Batches each client sends a second time at the end: they must add nothing. */
const RESENT_BATCHES = 2;
const TRACKS = 2_000;
const SEED = 20_261_206;
const self = fileURLToPath(import.meta.url);

interface ClientsResult {
  readonly seconds: number;
  readonly requests: number;
  readonly failures: number;
  readonly latenciesMs: number[];
}

// ---- the clients' process ----

function word(random: () => number, syllables: number): string {
  let text = '';
  for (let i = 0; i < syllables; i++) text += PLAIN_SYLLABLES[Math.floor(random() * PLAIN_SYLLABLES.length)];
  return capitalise(text);
}

/** Each client's batches: its listens three minutes apart going back from an hour ago, tracks drawn at random. */
function batchesOf(client: number, nowS: number): string[] {
  // The same catalogue for every client (their listeners share tracks); each picks its own listens.
  const names = seededRandom(SEED);
  const artists = Array.from({ length: TRACKS / 5 }, () => word(names, 3));
  const tracks = Array.from({ length: TRACKS }, (_, n) => ({
    artist: artists[n % artists.length]!,
    title: `${word(names, 2)} ${n}`,
  }));
  const random = seededRandom(SEED + 1 + client);
  const perClient = LISTENS / CLIENTS;
  const batches: string[] = [];
  for (let start = 0; start < perClient; start += BATCH) {
    const payload = [];
    for (let i = start; i < Math.min(start + BATCH, perClient); i++) {
      const track = tracks[Math.floor(random() * TRACKS)]!;
      payload.push({
        listened_at: nowS - 3600 - i * 180,
        track_metadata: {
          artist_name: track.artist,
          track_name: track.title,
          release_name: `${track.artist} Album`,
          additional_info: { duration_ms: 180_000 + (i % 60) * 1000, submission_client: 'narada-bench' },
        },
      });
    }
    batches.push(JSON.stringify({ listen_type: 'import', payload }));
  }
  return batches;
}

async function runClients(url: string, tokens: readonly string[]): Promise<ClientsResult> {
  const nowS = Math.floor(Date.now() / 1000);
  const work = tokens.map((token, client) => ({ token, batches: batchesOf(client, nowS) }));
  const latenciesMs: number[] = [];
  let failures = 0;
  const send = async (token: string, body: string): Promise<void> => {
    const started = performance.now();
    const response = await fetch(`${url}/1/submit-listens`, {
      method: 'POST',
      headers: { Authorization: `Token ${token}`, 'Content-Type': 'application/json' },
      body,
    });
    await response.text();
    latenciesMs.push(performance.now() - started);
    if (response.status !== 200) failures++;
  };
  const started = performance.now();
  await Promise.all(
    work.map(async ({ token, batches }) => {
      for (const body of batches) await send(token, body);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const requests = latenciesMs.length;
  // Sent again (a player retrying after a lost answer): accepted, and nothing is stored twice.
  await Promise.all(
    work.map(async ({ token, batches }) => {
      for (const body of batches.slice(0, RESENT_BATCHES)) await send(token, body);
    }),
  );
  return { seconds, requests, failures, latenciesMs: latenciesMs.slice(0, requests) };
}

// ---- the server's process ----

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function serve(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'narada-intake-bench-'));
  const db = await openDatabase({ path: join(folder, 'intake-bench.db') });
  try {
    const repos = createRepositories(db);
    const users = repos.serverUsers;
    const addUser = new AddUser({ store: users, clock: systemClock, newToken: () => randomUUID() });
    const tokens: string[] = [];
    for (let c = 0; c < CLIENTS; c++) tokens.push((await addUser.run({ name: `listener${c}` })).token);
    const recorder = new ListenRecorder({
      store: repos.listenRecording,
      tracks: repos.provisionalTracks,
      unitOfWork: repos.unitOfWork,
      clock: systemClock,
    });
    const nowPlaying = new NowPlayingBoard(repos.nowPlaying);
    const app = Fastify();
    await app.register(
      listenBrainzRoutes({
        submitListens: new SubmitListens({ users, recorder, nowPlaying, clock: systemClock }),
        validateToken: new ValidateToken(users),
        showListens: new ShowListens(users),
        showPlayingNow: new ShowPlayingNow({ users, nowPlaying, clock: systemClock }),
      }),
    );
    const url = await app.listen({ host: '127.0.0.1', port: 0 });

    process.stderr.write(`  intake bench: ${LISTENS} listens from ${CLIENTS} clients…\n`);
    const cpu = process.cpuUsage();
    const clients = fork(self, ['--clients', url, ...tokens], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const [result] = (await once(clients, 'message')) as [ClientsResult];
    await once(clients, 'exit');
    const serverCpu = process.cpuUsage(cpu);
    await app.close();

    const count = (sql: string) => (db.sqlite.prepare(sql).get() as { n: number | null }).n ?? 0;
    const stored = count(`SELECT COUNT(*) AS n FROM "listening_events" WHERE "source" = 'submission'`);
    const distinct = count(
      `SELECT COUNT(*) AS n FROM (SELECT DISTINCT "user", "played_at", "track_key" FROM "listening_events")`,
    );
    const plays = count(`SELECT COUNT(*) AS n FROM "plays"`);
    const daily = count(`SELECT SUM("listen_count") AS n FROM "daily_listens"`);
    const sorted = [...result.latenciesMs].sort((a, b) => a - b);
    const exact = stored === LISTENS && distinct === LISTENS && plays === LISTENS && daily === LISTENS;
    const round = (x: number) => Math.round(x * 10) / 10;
    const results: BenchResult[] = [
      {
        name: `listen intake: ${LISTENS.toLocaleString('en')} listens, ${CLIENTS} concurrent clients, import batches of ${BATCH}, real HTTP on 127.0.0.1`,
        target: 'none lost or duplicated; p99 reported',
        pass: exact && result.failures === 0,
        metrics: {
          listens_per_s: Math.round(LISTENS / result.seconds),
          requests_per_s: Math.round(result.requests / result.seconds),
          seconds: round(result.seconds),
          requests: result.requests,
          failed_requests: result.failures,
          latency_p50_ms: round(percentile(sorted, 50)),
          latency_p99_ms: round(percentile(sorted, 99)),
          latency_max_ms: round(sorted[sorted.length - 1]!),
          ledger_events: stored,
          plays,
          daily_listens_total: daily,
          resent_batches_added: stored - LISTENS,
          server_cpu_s: round((serverCpu.user + serverCpu.system) / 1e6),
          server_peak_rss_mb: peakRssMb(),
        },
      },
    ];
    report(results);
  } finally {
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

const [role, url, ...tokens] = process.argv.slice(2);
if (role === '--clients') {
  const result = await runClients(url!, tokens);
  process.send?.(result, () => process.exit(0));
} else {
  await serve();
}

// Workflow engine benchmarks: sort_by_plays on a 10,000-item playlist with its play counts cached
// (wall time and peak RSS; target < 3 s), and the API calls of sort_by_plays against their lower
// bound, cached and not. The fakes run in a child process so the figures are Narada's own.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SILENT_PROGRESS } from '../src/application/ports/progress.port.js';
import type { TrackMetric } from '../src/domain/track/track-metric.js';
import type { WorkflowRun } from '../src/domain/workflow/workflow-run.js';
import { loadConfig } from '../src/infrastructure/config/config.js';
import { createAppContainer, type AppContainer } from '../src/infrastructure/di/container.js';
import { WORKFLOW } from '../src/infrastructure/di/workflow.tokens.js';
import { TOKENS } from '../src/infrastructure/di/tokens.js';
import type { ServedFakes } from '../test/fakes/seed/serve-demo-fakes.js';
import { peakRssMb, report, timed, type BenchResult } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const SORT_BY_PLAYS = readFileSync(join(root, 'workflows', 'sort_by_plays.json'), 'utf8');
const SILENT = { debug() {}, info() {}, warn() {}, error() {}, record() {} };
const LARGE = 10_000;

async function serveFakes(
  size: number,
): Promise<{ fakes: ServedFakes; child: ChildProcessWithoutNullStreams }> {
  const child = spawn(process.execPath, [
    join(here, '..', 'test', 'fakes', 'seed', 'serve-demo-fakes.js'),
    String(size),
  ]);
  child.stderr.pipe(process.stderr);
  const line = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')));
    });
    child.on('exit', (code) => reject(new Error(`fakes exited with ${code}`)));
  });
  return { fakes: JSON.parse(line) as ServedFakes, child };
}

function containerFor(fakes: ServedFakes, home: string): AppContainer {
  const config = loadConfig({ env: { ...fakes.env, NARADA_HOME: home }, cwd: home, homeDir: home });
  return createAppContainer({ config, logger: SILENT, progress: SILENT_PROGRESS });
}

async function runWorkflow(container: AppContainer, text: string, playlistId: string): Promise<WorkflowRun> {
  const runner = await container.get(WORKFLOW.Run);
  const run = await runner.run({
    text,
    source: 'bench',
    parameters: { playlist_id: playlistId },
    dryRun: false,
  });
  if (run.status !== 'succeeded') throw new Error(`workflow failed: ${run.error}`);
  return run;
}

/** The source alone: the first sight of the playlist, which ingests its tracks. */
const READ_ONLY = JSON.stringify({
  id: 'read_playlist',
  parameters: { playlist_id: { required: true } },
  tasks: [{ id: 'source', type: 'source.spotify_playlist', config: { playlist_id: '{{playlist_id}}' } }],
});

/** What a previous run would have cached: the three counts, or "Last.fm does not know it". */
async function cachePlayCounts(container: AppContainer, plays: ServedFakes['plays']): Promise<void> {
  const repos = await container.get(TOKENS.Repositories);
  const now = Date.now();
  const metrics: TrackMetric[] = [];
  for await (const page of repos.tracks.pages(2000)) {
    for (const track of page) {
      const count = plays[track.title];
      const values: [string, number][] =
        count === null || count === undefined
          ? [['lastfm_not_found', 1]]
          : [
              ['lastfm_user_playcount', count],
              ['lastfm_global_playcount', count * 10],
              ['lastfm_listeners', count * 3],
            ];
      for (const [name, value] of values)
        metrics.push({ trackId: track.id, name, value, source: 'lastfm', fetchedAt: now });
    }
  }
  await repos.trackMetrics.upsertMany(metrics);
}

function byService(calls: Readonly<Record<string, number>>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const [key, n] of Object.entries(calls))
    totals[key.split(' ')[0]!] = (totals[key.split(' ')[0]!] ?? 0) + n;
  return totals;
}

async function largeCachedRun(): Promise<BenchResult[]> {
  const { fakes, child } = await serveFakes(LARGE);
  const home = mkdtempSync(join(tmpdir(), 'narada-bench-workflow-'));
  const container = containerFor(fakes, home);
  try {
    const warmUp = await runWorkflow(container, READ_ONLY, fakes.playlistId);
    await cachePlayCounts(container, fakes.plays);
    globalThis.gc?.();
    const { value: run, seconds } = await timed(() =>
      runWorkflow(container, SORT_BY_PLAYS, fakes.playlistId),
    );
    const pages = Math.ceil(LARGE / 100);
    const spotifyBound = pages + 1 + pages;
    const calls = byService(run.apiCalls);
    return [
      {
        name: `sort_by_plays on a ${LARGE.toLocaleString('en')}-item playlist, play counts cached (in process)`,
        metrics: {
          seconds: Math.round(seconds * 1000) / 1000,
          peak_rss_mb: peakRssMb(),
          first_read_and_ingest_seconds: Math.round(((warmUp.finishedAt ?? 0) - warmUp.startedAt) / 10) / 100,
          ...Object.fromEntries(run.tasks.map((t) => [`task_${t.taskId}_ms`, t.durationMs])),
        },
        target: '< 3 s',
        pass: seconds < 3,
      },
      {
        name: `API calls of sort_by_plays, ${LARGE.toLocaleString('en')} items, counts cached`,
        metrics: {
          spotify_calls: calls.spotify ?? 0,
          spotify_lower_bound: spotifyBound,
          lastfm_calls: calls.lastfm ?? 0,
          lastfm_lower_bound: 0,
        },
        target: 'equal to the lower bound (read pages + create + add batches)',
        pass: (calls.spotify ?? 0) === spotifyBound && (calls.lastfm ?? 0) === 0,
      },
    ];
  } finally {
    await container.close();
    child.stdin.end();
    rmSync(home, { recursive: true, force: true });
  }
}

async function smallUncachedRun(): Promise<BenchResult> {
  const { fakes, child } = await serveFakes(12);
  const home = mkdtempSync(join(tmpdir(), 'narada-bench-workflow-'));
  const container = containerFor(fakes, home);
  try {
    const run = await runWorkflow(container, SORT_BY_PLAYS, fakes.playlistId);
    const calls = byService(run.apiCalls);
    const bound = { spotify: 1 + 1 + 1 + 1, lastfm: 12 };
    return {
      name: 'API calls of the end-to-end sort_by_plays, demo library (12 songs), nothing cached',
      metrics: {
        spotify_calls: calls.spotify ?? 0,
        spotify_lower_bound: bound.spotify,
        lastfm_calls: calls.lastfm ?? 0,
        lastfm_lower_bound: bound.lastfm,
        seconds: Math.round(((run.finishedAt ?? 0) - run.startedAt) / 10) / 100,
      },
      target: 'token + 1 read + create + 1 add; one track.getInfo per track',
      pass: calls.spotify === bound.spotify && calls.lastfm === bound.lastfm,
    };
  } finally {
    await container.close();
    child.stdin.end();
    rmSync(home, { recursive: true, force: true });
  }
}

report([...(await largeCachedRun()), await smallUncachedRun()]);

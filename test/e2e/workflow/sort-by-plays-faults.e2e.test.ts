// The fault run: the same workflow under seeded faults (Spotify 429s with QUOTA_EXCEEDED bodies,
// access tokens expiring mid-run, Last.fm error 29) must end with the playlist a calm run makes.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { expectedByPlays, fakeServiceEnv } from '../../fakes/seed/demo-library.js';
import { cleanEnv, runNarada, tempDir, type CliResult } from '../cli-harness.js';
import { logEntries, taskOf, useSeededWorld, workflowFile, type RunJson } from './workflow-e2e-kit.js';

/** Big enough that the seeded faults hit both services; small enough for Last.fm's 5 calls/second. */
const PLAYLIST_SIZE = 40;
const SPOTIFY_FAULTS = { seed: 7, rateLimitShare: 0.1, retryAfterSeconds: 1, expireTokensEvery: 2 };
const LASTFM_FAULTS = { seed: 13, share: 0.05, code: 29 };

describe('narada workflow run sort_by_plays under faults', () => {
  const world = useSeededWorld({ seed: { size: PLAYLIST_SIZE } });
  let expected: string[];
  let calm: RunJson;
  let faulty: CliResult;
  let spotifyFrom: number;
  let lastfmFrom: number;
  /** The JSON-lines log of the last run, read before its home is removed. */
  let lastLog: Array<Record<string, unknown>> = [];
  let faultyLog: Array<Record<string, unknown>>;

  /** Runs the workflow with a NARADA_HOME of its own, so nothing is cached from another run. */
  async function runInFreshHome(playlistId: string, name: string): Promise<CliResult> {
    const home = tempDir('narada-fault-run-');
    try {
      const env = cleanEnv(home.path, fakeServiceEnv(world.spotify, world.lastfm));
      return await runNarada(
        [
          'workflow',
          'run',
          workflowFile('sort_by_plays.json'),
          '--param',
          `playlist_id=${playlistId}`,
          '--param',
          `name=${name}`,
          '--json',
        ],
        { env, cwd: home.path, timeoutMs: 90_000 },
      );
    } finally {
      lastLog = logEntries(home.path);
      home.remove();
    }
  }

  const createdIds = (run: RunJson): string[] => {
    const id = (taskOf(run, 'destination').details.playlist as { id: string }).id;
    return world.spotify.playlistUris(id).map((uri) => uri.replace('spotify:track:', ''));
  };

  beforeAll(async () => {
    expected = expectedByPlays(world.library);
    const calmRun = await runInFreshHome(world.library.playlistId, 'Calm');
    expect(calmRun.code).toBe(0);
    calm = calmRun.json<RunJson>();

    spotifyFrom = world.spotify.requests.length;
    lastfmFrom = world.lastfm.calls().length;
    world.spotify.injectRandomFaults(SPOTIFY_FAULTS);
    world.lastfm.injectRandomErrors(LASTFM_FAULTS);
    faulty = await runInFreshHome(world.library.playlistId, 'Under faults');
    faultyLog = lastLog;
  }, 120_000);

  it('meets every kind of fault it was given', () => {
    const spotify = world.spotify.requests.slice(spotifyFrom);
    expect(spotify.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect(spotify.filter((r) => r.status === 401).length).toBeGreaterThan(0);
    expect(spotify.filter((r) => r.path === '/api/token').length).toBeGreaterThan(1);
    expect(
      world.lastfm
        .calls()
        .slice(lastfmFrom)
        .filter((c) => c.status === 429).length,
    ).toBeGreaterThan(0);
  });

  it('logs every retry it made, with the service, the attempt and the reason, and none on the terminal', () => {
    const retries = faultyLog.filter((entry) => entry.level === 'warn' && entry.attempt !== undefined);
    expect(retries).toContainEqual(
      expect.objectContaining({
        service: 'spotify',
        reason: expect.stringMatching(/^HTTP 429/),
        slowDown: true,
      }),
    );
    expect(retries).toContainEqual(expect.objectContaining({ service: 'lastfm', slowDown: true }));
    expect(faulty.stderr).not.toContain('retrying');
  });

  it('exits 0 with the same playlist as the run without faults', () => {
    expect(faulty.stderr).not.toContain('narada:');
    expect(faulty.code).toBe(0);
    const run = faulty.json<RunJson>();
    expect(run.status).toBe('succeeded');
    expect(createdIds(calm)).toEqual(expected);
    expect(createdIds(run)).toEqual(createdIds(calm));
  });
});

describe('narada workflow run when Spotify asks for a long wait', () => {
  const world = useSeededWorld();

  const run = (...extra: string[]) =>
    world.narada([
      'workflow',
      'run',
      'sort_by_plays',
      '--param',
      `playlist_id=${world.library.playlistId}`,
      ...extra,
    ]);

  it('says on stderr which service asks for a pause, why and until when, and still ends well', async () => {
    world.spotify.rateLimitNext(1, 4, { quota: true });
    const result = await run('--json');
    expect(result.code).toBe(0);
    expect(result.json<RunJson>().status).toBe('succeeded');
    expect(result.stderr).toMatch(
      /^Spotify asks Narada to slow down \(HTTP 429 QUOTA_EXCEEDED\): every Spotify call waits 4 s, until (\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d UTC$/m,
    );
  });

  it('keeps quiet about the pause with --quiet', async () => {
    world.spotify.rateLimitNext(1, 4, { quota: true });
    const result = await run('--quiet');
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('slow down');
  });

  it('stops with exit 1 and the time to come back when the wait is longer than allowed, writing nothing', async () => {
    const playlists = world.spotify.state.playlists.size;
    const writes = world.spotify.writeCalls().length;
    world.spotify.rateLimitNext(1, 3600, { quota: true });
    const result = await world.narada([
      'workflow',
      'run',
      'sort_by_plays',
      '--param',
      `playlist_id=${world.library.playlistId}`,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /narada: .*Spotify asks us to wait 1 h \(NARADA_MAX_RETRY_AFTER_MINUTES allows 10 min\); run again after (\d{4}-\d\d-\d\d )?\d\d:\d\d UTC/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // The log keeps the task's failure with its code; stderr does not say it twice.
    expect(logEntries(world.home)).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'workflow task failed',
        taskId: 'source',
        code: 'SPOTIFY.RATE_LIMITED',
      }),
    );
    expect(logEntries(world.home)).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'workflow task not run', taskId: 'plays' }),
    );
    expect(result.stderr).not.toContain('workflow task failed');
    expect(world.spotify.state.playlists.size).toBe(playlists);
    expect(world.spotify.writeCalls()).toHaveLength(writes);
  });
});

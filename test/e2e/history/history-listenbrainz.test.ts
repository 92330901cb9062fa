// `narada history export --format listenbrainz` and `history backfill listenbrainz` as a user runs
// them: the built CLI against the fake ListenBrainz — a dry run sends nothing, a refused token exits
// 2 with one line that never shows the token, and a run killed mid-way is resumed sending nothing twice.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FAKE_LISTENBRAINZ_TOKEN,
  startFakeListenBrainz,
  type FakeListenBrainz,
} from '../../fakes/listenbrainz/fake-listenbrainz.js';
import { anExtendedRow, exportText, spotifyTrackUri } from '../../fixtures/history/spotify-export-rows.js';
import { cleanEnv, expectSuccess, NARADA_BIN, runNarada, tempDir, withDatabase } from '../cli-harness.js';

const TOTAL = 2500;
const T0 = Date.UTC(2024, 0, 1);
const home = tempDir('narada-e2e-listenbrainz-');
let fake: FakeListenBrainz;
let env: Record<string, string>;

beforeAll(async () => {
  fake = await startFakeListenBrainz();
  env = cleanEnv(home.path, { LISTENBRAINZ_API_URL: fake.url, LISTENBRAINZ_TOKEN: FAKE_LISTENBRAINZ_TOKEN });
  const rows = Array.from({ length: TOTAL }, (_, i) =>
    anExtendedRow({
      ts: new Date(T0 + i * 600_000 + 200_000).toISOString(),
      msPlayed: 200_000,
      track: `Song ${i}`,
      artist: 'Band',
      uri: spotifyTrackUri(i + 1),
    }),
  );
  const file = join(home.path, 'Streaming_History_Audio_2024.json');
  writeFileSync(file, exportText(rows));
  expectSuccess(await runNarada(['history', 'import', 'spotify', file, '--user', 'dee'], { env }));
}, 60_000);
afterAll(async () => {
  await fake.close();
  home.remove();
});

const allTitles = Array.from({ length: TOTAL }, (_, i) => `Song ${i}`);

describe('narada history backfill listenbrainz', () => {
  it('exports the listens in the format ListenBrainz reads', async () => {
    const result = await runNarada(
      ['history', 'export', '--format', 'listenbrainz', '--until', '2024-01-01T00:20:00Z'],
      { env },
    );
    expectSuccess(result);
    expect(
      result.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      {
        listened_at: T0 / 1000,
        track_metadata: {
          artist_name: 'Band',
          track_name: 'Song 0',
          release_name: 'Album',
          additional_info: {
            submission_client: 'Narada',
            music_service: 'spotify.com',
            spotify_id: `https://open.spotify.com/track/${spotifyTrackUri(1).slice(14)}`,
          },
        },
      },
      expect.objectContaining({ listened_at: T0 / 1000 + 600 }),
    ]);
  });

  it('sends nothing in a dry run', async () => {
    const result = await runNarada(
      ['history', 'backfill', 'listenbrainz', '--user', 'dee', '--dry-run', '--json'],
      { env },
    );
    expectSuccess(result);
    expect(result.json()).toMatchObject({ dryRun: true, sent: TOTAL, requests: 0 });
    expect(fake.server.requests).toEqual([]);
  });

  it('refuses a bad token with exit 2 and one line naming the variable, never the token', async () => {
    const secret = 'wrong-token-5ae1c0de';
    const result = await runNarada(['history', 'backfill', 'listenbrainz', '--user', 'dee'], {
      env: { ...env, LISTENBRAINZ_TOKEN: secret },
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('LISTENBRAINZ_TOKEN')]);
    expect(result.stdout + result.stderr).not.toContain(secret);
    const logs = join(home.path, 'logs');
    for (const log of readdirSync(logs)) expect(readFileSync(join(logs, log), 'utf8')).not.toContain(secret);
    expect(fake.received).toEqual([]);
  });

  it('resumes a run killed mid-way after the last accepted request, sending every listen once', async () => {
    // The second request hangs until the process is killed; the server then never takes it.
    let submissions = 0;
    let hung: () => void = () => {};
    let release: () => void = () => {};
    const hanging = new Promise<void>((resolve) => (hung = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    fake.server.before = async (req) => {
      if (req.path !== '/1/submit-listens' || ++submissions !== 2) return null;
      hung();
      await released;
      return {
        status: 503,
        body: { code: 503, error: 'Cannot submit listens to queue, please try again later.' },
      };
    };
    const child = spawn(
      process.execPath,
      [NARADA_BIN, 'history', 'backfill', 'listenbrainz', '--user', 'dee'],
      { env: await withDatabase(env), cwd: tmpdir(), stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await hanging;
    child.kill('SIGKILL');
    await exited;
    release();
    fake.server.before = null;
    expect(fake.received).toHaveLength(1000);

    const resumed = await runNarada(['history', 'backfill', 'listenbrainz', '--user', 'dee', '--json'], {
      env,
    });
    expectSuccess(resumed);
    expect(resumed.json()).toMatchObject({
      alreadySent: 1000,
      sent: TOTAL - 1000,
      listenbrainzUser: 'fake-lb-user',
    });
    expect(fake.received.map((r) => r.listen.track_metadata.track_name)).toEqual(allTitles);
  }, 60_000);
});

// A player pointed at `narada serve` as a user sets it up: `narada users add` prints a token, the
// built server answers ListenBrainz's validate-token and submit-listens with it, refuses a wrong token
// (401) and a bad payload (400, nothing stored), and the submitted listens are in the history that
// `narada history export` writes out.
import { describe, expect, it } from '@jest/globals';
import { expectSuccess, runNarada } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';
import { startNarada } from './long-running-cli.js';

const fakes = useFakeServices({ lastfm: {}, musicbrainz: {}, homePrefix: 'narada-e2e-intake-' });

const listen = (listenedAt: number, track: string) => ({
  listened_at: listenedAt,
  track_metadata: { artist_name: 'Nina Simone', track_name: track, release_name: 'Pastel Blues' },
});

describe('narada serve: the ListenBrainz submission API', () => {
  it('takes listens from a user token, refuses a wrong token and a bad payload, and keeps each listen once', async () => {
    const added = await runNarada(['users', 'add', 'nina', '--json'], { env: fakes.env });
    expectSuccess(added);
    const { token } = added.json<{ token: string }>();
    const server = await startNarada(['serve', '--port', '0'], fakes.env);
    try {
      const post = (body: unknown, auth = `Token ${token}`) =>
        fetch(`${server.url}/1/submit-listens`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });

      const valid = await fetch(`${server.url}/1/validate-token`, {
        headers: { authorization: `Token ${token}` },
      });
      expect(await valid.json()).toMatchObject({ code: 200, valid: true, user_name: 'nina' });

      const wrong = await post(
        { listen_type: 'single', payload: [listen(1_700_000_000, 'Sinnerman')] },
        'Token nope',
      );
      expect(wrong.status).toBe(401);

      const bad = await post({
        listen_type: 'import',
        payload: [listen(1_700_000_000, 'Sinnerman'), { listened_at: 1_700_000_300, track_metadata: {} }],
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/payload\[1\]/);

      const accepted = await post({
        listen_type: 'import',
        payload: [listen(1_700_000_000, 'Sinnerman'), listen(1_700_000_600, 'Be My Husband')],
      });
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toEqual({ status: 'ok' });
      // A player that resends (after a timeout) stores nothing new.
      expect(
        (await post({ listen_type: 'single', payload: [listen(1_700_000_000, 'Sinnerman')] })).status,
      ).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }

    const exported = await runNarada(['history', 'export', '--format', 'jsonl'], { env: fakes.env });
    expectSuccess(exported);
    const rows = exported.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { title?: string; track?: string });
    expect(rows).toHaveLength(2);
  });
});

describe('narada serve: what a user plays now', () => {
  it('is seen by every server on the database, outlives a restart, and is never a listen', async () => {
    const added = await runNarada(['users', 'add', 'ada', '--json'], { env: fakes.env });
    expectSuccess(added);
    const { token } = added.json<{ token: string }>();
    const playingNow = {
      listen_type: 'playing_now',
      payload: [
        {
          track_metadata: {
            artist_name: 'Alice Coltrane',
            track_name: 'Journey in Satchidananda',
            additional_info: { duration_ms: 600_000 },
          },
        },
      ],
    };
    const shownBy = async (url: string) =>
      (
        (await (await fetch(`${url}/1/user/ada/playing-now`)).json()) as {
          payload: { count: number; listens: { track_metadata: { track_name: string } }[] };
        }
      ).payload;

    /** What a server started now shows (then stopped): a restart's answer. */
    const countOnAFreshServer = async () => {
      const server = await startNarada(['serve', '--port', '0'], fakes.env);
      try {
        return (await shownBy(server.url)).count;
      } finally {
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      }
    };

    const first = await startNarada(['serve', '--port', '0'], fakes.env);
    const second = await startNarada(['serve', '--port', '0'], fakes.env);
    try {
      expect((await shownBy(second.url)).count).toBe(0);
      const sent = await fetch(`${first.url}/1/submit-listens`, {
        method: 'POST',
        headers: { authorization: `Token ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(playingNow),
      });
      expect(sent.status).toBe(200);

      const seen = await shownBy(second.url);
      expect(seen.count).toBe(1);
      expect(seen.listens[0]!.track_metadata.track_name).toBe('Journey in Satchidananda');
    } finally {
      for (const server of [first, second]) server.child.kill('SIGTERM');
      for (const server of [first, second]) expect(await server.exited).toBe(0);
    }

    expect(await countOnAFreshServer()).toBe(1);
    const exported = await runNarada(['history', 'export', '--format', 'jsonl'], { env: fakes.env });
    expectSuccess(exported);
    expect(exported.stdout).not.toContain('Journey in Satchidananda');

    expectSuccess(await runNarada(['users', 'remove', 'ada'], { env: fakes.env }));
    expectSuccess(await runNarada(['users', 'add', 'ada'], { env: fakes.env }));
    expect(await countOnAFreshServer()).toBe(0);
  });
});

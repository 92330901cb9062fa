// `POST /1/submit-listens` over real HTTP into a real database: accepted listens land in the ledger as
// sent and are interpreted like any import's; the same listen sent again, or already imported from
// Last.fm, counts once; tokens are checked and validated as ListenBrainz does (refusals of bad
// documents: refused-submissions.test.ts).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { aScrobbledListen } from '../history/history-test-kit.js';
import { aListen, AN_HOUR_AGO, openIntakeKit, USER, type IntakeKit } from './intake-kit.js';

let kit: IntakeKit;

beforeEach(async () => {
  kit = await openIntakeKit();
});

afterEach(async () => {
  await kit.close();
});

describe('accepted submissions', () => {
  it('stores a single listen in the ledger exactly as sent, then as a play and a daily listen', async () => {
    const listenText = `{ "listened_at" : ${AN_HOUR_AGO},\n  "track_metadata": {"artist_name": "Band", "track_name": "Song", "additional_info": {"duration_ms": 200000, "submission_client": "navidrome"}} }`;
    const response = await kit.submit(`{"listen_type": "single", "payload": [ ${listenText} ]}`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(await kit.submissions()).toEqual([
      { user: USER, played_at: AN_HOUR_AGO * 1000, track_key: 'band\u001fsong', payload: listenText },
    ]);
    expect(await kit.count('plays')).toBe(1);
    expect(await kit.dailyTotal()).toBe(1);
  });

  it('reads the body whatever its Content-Type says, as ListenBrainz does', async () => {
    for (const [n, type] of [
      ['one', 'text/plain'],
      ['two', 'application/x-www-form-urlencoded'],
    ] as const) {
      const response = await fetch(`${kit.url}/1/submit-listens`, {
        method: 'POST',
        headers: { Authorization: `Token ${kit.token}`, 'Content-Type': type },
        body: JSON.stringify({ listen_type: 'single', payload: [aListen(AN_HOUR_AGO, n)] }),
      });
      expect(response.status).toBe(200);
    }
    expect(await kit.submissions()).toHaveLength(2);
  });

  it("reads listened_at as the server's int() does: digit strings and fractions of a second", async () => {
    const payload = [
      { ...aListen(0, 'One'), listened_at: String(AN_HOUR_AGO - 600) },
      { ...aListen(0, 'Two'), listened_at: AN_HOUR_AGO + 0.75 },
    ];
    expect((await kit.submit({ listen_type: 'import', payload })).status).toBe(200);
    expect((await kit.submissions()).map((e) => e.played_at)).toEqual([
      (AN_HOUR_AGO - 600) * 1000,
      AN_HOUR_AGO * 1000,
    ]);
  });

  it('stores every listen of an import in one request', async () => {
    const payload = [
      aListen(AN_HOUR_AGO - 600, 'One'),
      aListen(AN_HOUR_AGO - 300, 'Two'),
      aListen(AN_HOUR_AGO, 'Three'),
    ];
    const response = await kit.submit({ listen_type: 'import', payload });

    expect(response.status).toBe(200);
    expect((await kit.submissions()).map((e) => JSON.parse(e.payload))).toEqual(payload);
    expect(await kit.countedPlays()).toBe(3);
    expect(await kit.dailyTotal()).toBe(3);
  });

  it('takes a batch of 1000 listens, the most ListenBrainz allows in one request', async () => {
    const payload = Array.from({ length: 1000 }, (_, n) => aListen(AN_HOUR_AGO - n * 180, `Song ${n % 50}`));
    const response = await kit.submit({ listen_type: 'import', payload });

    expect(response.status).toBe(200);
    expect(await kit.count('listening_events')).toBe(1000);
    expect(await kit.countedPlays()).toBe(1000);
    expect(await kit.dailyTotal()).toBe(1000);
  });

  it('keeps playing_now out of the ledger and shows it as what the user plays now', async () => {
    const response = await kit.submit({
      listen_type: 'playing_now',
      payload: [
        {
          track_metadata: {
            artist_name: 'Band',
            track_name: 'Now',
            additional_info: { duration_ms: 180_000 },
          },
        },
      ],
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(await kit.count('listening_events')).toBe(0);
    const now = await fetch(`${kit.url}/1/user/${USER}/playing-now`);
    expect(await now.json()).toEqual({
      payload: {
        count: 1,
        user_id: USER,
        playing_now: true,
        listens: [
          {
            track_metadata: {
              artist_name: 'Band',
              track_name: 'Now',
              additional_info: { duration_ms: 180_000 },
            },
            playing_now: true,
          },
        ],
      },
    });
    expect((await fetch(`${kit.url}/1/user/nobody/playing-now`)).status).toBe(404);
  });
});

describe('reading listens back', () => {
  it('answers GET /1/user/{name}/listens with the submitted listens as sent, newest first', async () => {
    const payload = [
      aListen(AN_HOUR_AGO - 600, 'One'),
      aListen(AN_HOUR_AGO - 300, 'Two'),
      aListen(AN_HOUR_AGO, 'Three'),
    ];
    expect((await kit.submit({ listen_type: 'import', payload })).status).toBe(200);

    const newest = await fetch(`${kit.url}/1/user/${USER}/listens?count=2`);
    expect(await newest.json()).toEqual({
      payload: {
        user_id: USER,
        count: 2,
        listens: [
          { ...payload[2], user_name: USER },
          { ...payload[1], user_name: USER },
        ],
        latest_listen_ts: AN_HOUR_AGO,
        oldest_listen_ts: AN_HOUR_AGO - 600,
      },
    });
    const before = await fetch(`${kit.url}/1/user/${USER}/listens?max_ts=${AN_HOUR_AGO - 300}`);
    expect(((await before.json()) as { payload: { listens: unknown[] } }).payload.listens).toEqual([
      { ...payload[0], user_name: USER },
    ]);
    expect((await fetch(`${kit.url}/1/user/nobody/listens`)).status).toBe(404);
    const bad = await fetch(`${kit.url}/1/user/${USER}/listens?count=-1`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ code: 400, error: "'count' should be a non-negative integer" });
  });
});

describe('the same listen twice', () => {
  it('stores a listen sent again once, even with other additional_info', async () => {
    const listen = aListen(AN_HOUR_AGO);
    expect((await kit.submit({ listen_type: 'single', payload: [listen] })).status).toBe(200);
    expect((await kit.submit({ listen_type: 'single', payload: [listen] })).status).toBe(200);
    const again = aListen(AN_HOUR_AGO, 'Song', { additional_info: { submission_client: 'other' } });
    expect((await kit.submit({ listen_type: 'import', payload: [again, again] })).status).toBe(200);

    expect(await kit.count('listening_events')).toBe(1);
    expect(await kit.count('plays')).toBe(1);
    expect(await kit.dailyTotal()).toBe(1);
  });

  it('counts once a listen already imported from Last.fm (same song, same time): both raw events kept', async () => {
    await kit.recorder.record([aScrobbledListen(USER, AN_HOUR_AGO * 1000, 'Song')]);
    // A player stamps the time it sent the listen: 30 s after the scrobble's start.
    const response = await kit.submit({ listen_type: 'single', payload: [aListen(AN_HOUR_AGO + 30)] });

    expect(response.status).toBe(200);
    expect(await kit.count('listening_events')).toBe(2);
    expect(await kit.count('plays')).toBe(2);
    expect(await kit.countedPlays()).toBe(1);
    expect(await kit.dailyTotal()).toBe(1);
  });

  it('counts a later play of the same song as a listen of its own', async () => {
    await kit.recorder.record([aScrobbledListen(USER, AN_HOUR_AGO * 1000, 'Song')]);
    expect((await kit.submit({ listen_type: 'single', payload: [aListen(AN_HOUR_AGO + 1800)] })).status).toBe(
      200,
    );

    expect(await kit.countedPlays()).toBe(2);
    expect(await kit.dailyTotal()).toBe(2);
  });
});

describe('tokens', () => {
  it.each([
    ['no Authorization header', null, 'You need to provide an Authorization header.'],
    ['a header without a token', 'Token', 'Provided Authorization header is invalid.'],
    ['a token of no user', 'Token 8c4f3e4e-0000-4000-8000-000000000000', 'Invalid authorization token.'],
  ])('answers 401 to %s and stores nothing', async (_name, authorization, error) => {
    const response = await kit.submit(
      { listen_type: 'single', payload: [aListen(AN_HOUR_AGO)] },
      authorization,
    );

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 401, error });
    expect(await kit.count('listening_events')).toBe(0);
  });

  it('validates a token given in the header or as ?token=, as ListenBrainz answers', async () => {
    const byHeader = await fetch(`${kit.url}/1/validate-token`, {
      headers: { Authorization: `Token ${kit.token}` },
    });
    expect(byHeader.status).toBe(200);
    expect(await byHeader.json()).toEqual({
      code: 200,
      message: 'Token valid.',
      valid: true,
      user_name: USER,
    });

    const byQuery = await fetch(`${kit.url}/1/validate-token?token=${kit.token}`);
    expect(await byQuery.json()).toEqual({
      code: 200,
      message: 'Token valid.',
      valid: true,
      user_name: USER,
    });

    const wrong = await fetch(`${kit.url}/1/validate-token`, {
      headers: { Authorization: 'Token not-a-token' },
    });
    expect(wrong.status).toBe(200);
    expect(await wrong.json()).toEqual({ code: 200, message: 'Token invalid.', valid: false });

    const none = await fetch(`${kit.url}/1/validate-token`);
    expect(none.status).toBe(400);
    expect(await none.json()).toEqual({ code: 400, error: 'You need to provide an Authorization token.' });
  });

  it('stops taking a rotated-out token, and takes the new one', async () => {
    const rotated = await kit.addUser.run({ name: USER, rotate: true });
    const listen = { listen_type: 'single', payload: [aListen(AN_HOUR_AGO)] };

    expect((await kit.submit(listen)).status).toBe(401);
    expect((await kit.submit(listen, `Token ${rotated.token}`)).status).toBe(200);
    expect(await kit.submissions()).toHaveLength(1);
  });
});

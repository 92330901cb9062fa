// `POST /1/submit-listens` over real HTTP into a real database: accepted listens land in the ledger as
// sent and are interpreted like any import's; a bad document is refused as ListenBrainz refuses it and
// stores nothing; the same listen sent again, or already imported from Last.fm, counts once.
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
    expect(kit.submissions()).toEqual([
      { user: USER, played_at: AN_HOUR_AGO * 1000, track_key: 'band\u001fsong', payload: listenText },
    ]);
    expect(kit.count('plays')).toBe(1);
    expect(kit.dailyTotal()).toBe(1);
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
    expect(kit.submissions()).toHaveLength(2);
  });

  it("reads listened_at as the server's int() does: digit strings and fractions of a second", async () => {
    const payload = [
      { ...aListen(0, 'One'), listened_at: String(AN_HOUR_AGO - 600) },
      { ...aListen(0, 'Two'), listened_at: AN_HOUR_AGO + 0.75 },
    ];
    expect((await kit.submit({ listen_type: 'import', payload })).status).toBe(200);
    expect(kit.submissions().map((e) => e.played_at)).toEqual([
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
    expect(kit.submissions().map((e) => JSON.parse(e.payload))).toEqual(payload);
    expect(kit.countedPlays()).toBe(3);
    expect(kit.dailyTotal()).toBe(3);
  });

  it('takes a batch of 1000 listens, the most ListenBrainz allows in one request', async () => {
    const payload = Array.from({ length: 1000 }, (_, n) => aListen(AN_HOUR_AGO - n * 180, `Song ${n % 50}`));
    const response = await kit.submit({ listen_type: 'import', payload });

    expect(response.status).toBe(200);
    expect(kit.count('listening_events')).toBe(1000);
    expect(kit.countedPlays()).toBe(1000);
    expect(kit.dailyTotal()).toBe(1000);
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
    expect(kit.count('listening_events')).toBe(0);
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

    expect(kit.count('listening_events')).toBe(1);
    expect(kit.count('plays')).toBe(1);
    expect(kit.dailyTotal()).toBe(1);
  });

  it('counts once a listen already imported from Last.fm (same song, same time): both raw events kept', async () => {
    await kit.recorder.record([aScrobbledListen(USER, AN_HOUR_AGO * 1000, 'Song')]);
    // A player stamps the time it sent the listen: 30 s after the scrobble's start.
    const response = await kit.submit({ listen_type: 'single', payload: [aListen(AN_HOUR_AGO + 30)] });

    expect(response.status).toBe(200);
    expect(kit.count('listening_events')).toBe(2);
    expect(kit.count('plays')).toBe(2);
    expect(kit.countedPlays()).toBe(1);
    expect(kit.dailyTotal()).toBe(1);
  });

  it('counts a later play of the same song as a listen of its own', async () => {
    await kit.recorder.record([aScrobbledListen(USER, AN_HOUR_AGO * 1000, 'Song')]);
    expect((await kit.submit({ listen_type: 'single', payload: [aListen(AN_HOUR_AGO + 1800)] })).status).toBe(
      200,
    );

    expect(kit.countedPlays()).toBe(2);
    expect(kit.dailyTotal()).toBe(2);
  });
});

describe('refused submissions', () => {
  const good = aListen(AN_HOUR_AGO);
  const withMeta = (meta: Record<string, unknown>) => ({ listened_at: AN_HOUR_AGO, track_metadata: meta });
  const cases: Array<[string, unknown, string]> = [
    [
      'text that is not JSON',
      '{"listen_type": "single", "payload": [',
      'Cannot parse JSON document: Unexpected end of JSON input',
    ],
    [
      'a list at the top',
      '[]',
      'Invalid JSON document submitted. Top level of JSON document should be a json object.',
    ],
    ['no payload', { listen_type: 'single' }, 'Invalid JSON document submitted.'],
    [
      'a payload that is no list',
      { listen_type: 'single', payload: good },
      'The payload in the JSON document should be a list of listens.',
    ],
    [
      'an empty payload',
      { listen_type: 'import', payload: [] },
      'JSON document does not contain any listens',
    ],
    [
      '1001 listens',
      { listen_type: 'import', payload: Array.from({ length: 1001 }, (_, n) => aListen(AN_HOUR_AGO - n)) },
      'Too many listens. You may not submit more than 1000 listens at once.',
    ],
    ['no listen_type', { payload: [good] }, 'Invalid JSON document submitted.'],
    [
      'an unknown listen_type',
      { listen_type: 'many', payload: [good] },
      'JSON document requires a valid listen_type key.',
    ],
    [
      'two listens as single',
      { listen_type: 'single', payload: [good, aListen(AN_HOUR_AGO - 600)] },
      'JSON document contains more than listen for a single/playing_now. It should contain only one.',
    ],
    [
      'two listens as playing_now',
      {
        listen_type: 'playing_now',
        payload: [{ track_metadata: good.track_metadata }, { track_metadata: good.track_metadata }],
      },
      'JSON document contains more than listen for a single/playing_now. It should contain only one.',
    ],
    [
      'a listen without listened_at after a good one',
      { listen_type: 'import', payload: [good, { track_metadata: good.track_metadata }] },
      'JSON document must contain the key listened_at at the top level. (payload[1])',
    ],
    [
      'listened_at that is no number',
      { listen_type: 'single', payload: [{ ...good, listened_at: 'yesterday' }] },
      'JSON document must contain an int value for listened_at. (payload[0])',
    ],
    [
      'listened_at more than an hour ahead',
      { listen_type: 'single', payload: [aListen(AN_HOUR_AGO + 7200)] },
      'Value for key listened_at is too high. (payload[0])',
    ],
    [
      'listened_at before October 2002',
      { listen_type: 'import', payload: [good, good, aListen(1_000_000_000)] },
      'Value for key listened_at is too low. listened_at timestamp should be greater than 1033410600 (2002-10-01 00:00:00 UTC). (payload[2])',
    ],
    [
      'a key beside listened_at and track_metadata',
      { listen_type: 'single', payload: [{ ...good, user: 'x' }] },
      'JSON document may only contain listened_at and track_metadata top level keys (payload[0])',
    ],
    [
      'no track_metadata',
      { listen_type: 'single', payload: [{ listened_at: AN_HOUR_AGO }] },
      'JSON document must contain the key track_metadata at the top level. (payload[0])',
    ],
    [
      'no artist_name',
      { listen_type: 'single', payload: [withMeta({ track_name: 'Song' })] },
      'JSON document does not contain required field track_metadata.artist_name. (payload[0])',
    ],
    [
      'an empty track_name',
      { listen_type: 'single', payload: [withMeta({ artist_name: 'Band', track_name: '  ' })] },
      'field track_metadata.track_name is empty. (payload[0])',
    ],
    [
      'artist_name as a list',
      { listen_type: 'single', payload: [withMeta({ artist_name: ['A', 'B'], track_name: 'Song' })] },
      'track_metadata.artist_name must be a single string. (payload[0])',
    ],
    [
      'playing_now with listened_at',
      { listen_type: 'playing_now', payload: [good] },
      'JSON document must not contain listened_at while submitting playing_now. (payload[0])',
    ],
    [
      'a recording_mbid that is no MBID',
      {
        listen_type: 'single',
        payload: [aListen(AN_HOUR_AGO, 'Song', { additional_info: { recording_mbid: 'abc' } })],
      },
      'recording_mbid MBID format invalid. (payload[0])',
    ],
    [
      'both duration and duration_ms',
      {
        listen_type: 'single',
        payload: [aListen(AN_HOUR_AGO, 'Song', { additional_info: { duration: 200, duration_ms: 200_000 } })],
      },
      'JSON document should not contain both duration and duration_ms. (payload[0])',
    ],
    [
      '51 tags',
      {
        listen_type: 'single',
        payload: [
          aListen(AN_HOUR_AGO, 'Song', {
            additional_info: { tags: Array.from({ length: 51 }, (_, n) => `t${n}`) },
          }),
        ],
      },
      'JSON document may not contain more than 50 items in track_metadata.additional_info.tags. (payload[0])',
    ],
    [
      'a duration_ms over 24 days',
      {
        listen_type: 'single',
        payload: [aListen(AN_HOUR_AGO, 'Song', { additional_info: { duration_ms: 2_073_600_001 } })],
      },
      'Value for duration_ms is too large, max permitted value is 2073600000 (payload[0])',
    ],
    [
      'an artist_mbids entry that is no MBID',
      {
        listen_type: 'single',
        payload: [
          aListen(AN_HOUR_AGO, 'Song', {
            additional_info: { artist_mbids: ['8f3471b5-7e6a-48da-86a9-c1c07a0f47ae', 'x'] },
          }),
        ],
      },
      'artist_mbids MBID format invalid. (payload[0])',
    ],
    [
      'a unicode null',
      { listen_type: 'single', payload: [aListen(AN_HOUR_AGO, 'So\u0000ng')] },
      'So\u0000ng contains a unicode null (payload[0])',
    ],
    [
      'a listen over 10240 bytes',
      {
        listen_type: 'single',
        payload: [aListen(AN_HOUR_AGO, 'Song', { release_name: 'x'.repeat(10_300) })],
      },
      'JSON document is too large. Each listens may not be larger than 10240 bytes.',
    ],
  ];

  it.each(cases)('refuses %s with 400 naming the problem, and stores nothing', async (_name, body, error) => {
    const response = await kit.submit(body);

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 400, error });
    expect(kit.count('listening_events')).toBe(0);
    expect(kit.count('plays')).toBe(0);
  });

  it('refuses a body over 10,240,000 bytes', async () => {
    const payload = Array.from({ length: 1000 }, (_, n) =>
      aListen(AN_HOUR_AGO - n, 'Song', { release_name: 'x'.repeat(10_300) }),
    );
    const response = await kit.submit({ listen_type: 'import', payload });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 400,
      error: 'Payload too large. Payload cannot exceed 10240000 bytes',
    });
    expect(kit.count('listening_events')).toBe(0);
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
    expect(kit.count('listening_events')).toBe(0);
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
    expect(kit.submissions()).toHaveLength(1);
  });
});

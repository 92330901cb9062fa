// Documents ListenBrainz refuses are refused here too, over real HTTP: 400 with its message naming the
// field (and the listen's place in the payload), and nothing stored, not even the good listens beside.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { aListen, AN_HOUR_AGO, openIntakeKit, type IntakeKit } from './intake-kit.js';

let kit: IntakeKit;

beforeEach(async () => {
  kit = await openIntakeKit();
});

afterEach(async () => {
  await kit.close();
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
    expect(await kit.count('listening_events')).toBe(0);
    expect(await kit.count('plays')).toBe(0);
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
    expect(await kit.count('listening_events')).toBe(0);
  });
});

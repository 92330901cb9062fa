// The one way a 2xx answer that is not whole is handled, for every service: asked again with backoff
// on a budget of its own, then failed as `<SERVICE>.UNREADABLE_ANSWER` naming what was read and why.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { UpstreamError } from '../../../src/application/ports/upstream-errors.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import { HttpClient } from '../../../src/infrastructure/connectors/http/http-client.js';
import { adaptiveLimiter } from '../../../src/infrastructure/connectors/http/rate-limiter.js';
import type { WholeAnswer } from '../../../src/infrastructure/connectors/http/whole-answer.js';
import { FakeHttpServer, type FakeResponse } from '../../fakes/fake-http-server.js';
import { FastForwardClock } from './fast-forward-clock.js';

let server: FakeHttpServer;
let baseUrl: string;
let clock: FastForwardClock;
let calls: CallCounter;

beforeEach(async () => {
  server = new FakeHttpServer();
  baseUrl = await server.listen();
  clock = new FastForwardClock();
  calls = new CallCounter();
});

afterEach(async () => {
  await server.close();
});

const whole: WholeAnswer = {
  problemOf: (body) => (typeof body === 'string' ? 'JSON cut short' : null),
  subject: 'The list GET /items: the page at offset 50',
  details: { offset: 50 },
};

function client(): HttpClient {
  return new HttpClient({
    service: 'lastfm',
    userAgent: 'narada/test',
    limiter: adaptiveLimiter(clock),
    calls,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
  });
}

/** Answers with `answers` in turn, then 200 `{whole:true}` for good. */
function serve(answers: readonly FakeResponse[]): void {
  let served = 0;
  server.route('GET', '/items', () => answers[served++] ?? { status: 200, body: { whole: true } });
}

const cutShort: FakeResponse = { status: 200, body: '{"items":[{"na', raw: true };
const getItems = () => ({ method: 'GET', url: `${baseUrl}/items`, endpoint: 'GET /items', whole }) as const;

describe('HttpClient with an answer that must be whole', () => {
  it('asks again with backoff after a spoiled answer, and returns the whole one', async () => {
    serve([cutShort, cutShort]);

    const response = await client().request(getItems());

    expect(response.body).toEqual({ whole: true });
    expect(calls.total('lastfm')).toBe(3);
    expect(clock.sleeps).toEqual([375, 750]);
  });

  it('fails as UNREADABLE_ANSWER after 3 spoiled answers, naming what was read and why', async () => {
    serve(Array.from({ length: 10 }, () => cutShort));

    const failure = await client()
      .request(getItems())
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(UpstreamError);
    expect(failure).toMatchObject({
      code: 'LASTFM.UNREADABLE_ANSWER',
      category: 'failure',
      retryable: true,
      status: 200,
      details: { endpoint: 'GET /items', attempts: 3, offset: 50 },
    });
    expect((failure as Error).message).toBe(
      'The list GET /items: the page at offset 50 came back unreadable 3 times (JSON cut short); Narada does not go on with part of a list, run again later',
    );
    expect(calls.total('lastfm')).toBe(3);
  });

  it('keeps spoiled answers and server errors on separate budgets', async () => {
    serve([cutShort, { status: 503 }, { status: 503 }, { status: 503 }, cutShort]);

    const response = await client().request(getItems());

    expect(response.body).toEqual({ whole: true });
    expect(calls.total('lastfm')).toBe(6);
  });

  it('checks nothing when the request carries no check', async () => {
    serve([cutShort]);

    const response = await client().request({
      method: 'GET',
      url: `${baseUrl}/items`,
      endpoint: 'GET /items',
    });

    expect(response.body).toBe('{"items":[{"na');
    expect(calls.total('lastfm')).toBe(1);
  });
});

// The fake answers as MusicBrainz does: checked with plain HTTP, not with Narada's client.
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from '@jest/globals';
import { MusicBrainzCatalog } from '../../fakes/musicbrainz/musicbrainz-catalog.js';
import { startFakeMusicBrainz, type FakeMusicBrainz } from '../../fakes/musicbrainz/fake-musicbrainz.js';
import { wireFixturePath } from '../../support/wire-fixtures.js';

const FIXTURES = wireFixturePath('musicbrainz');
const fixture = (name: string): unknown => JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8'));
const UA = { 'user-agent': 'narada-test/1.0 ( test@example.com )' };

let fake: FakeMusicBrainz | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function get(
  path: string,
  headers: Record<string, string> = UA,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${fake!.url}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** node:http sends no User-Agent unless told to (fetch always sends one). */
function getWithoutUserAgent(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    })
      .on('error', reject)
      .end();
  });
}

function seeded(): MusicBrainzCatalog {
  const catalog = new MusicBrainzCatalog();
  catalog.addRecording({
    title: 'Hey Boy Hey Girl',
    artists: ['The Chemical Brothers'],
    isrcs: ['GBAAA9900303'],
    releases: [{ title: 'Surrender', date: '1999-06-21', country: 'GB' }],
  });
  return catalog;
}

describe('fake MusicBrainz rules', () => {
  it('refuses a request without a User-Agent with the real 403 body', async () => {
    fake = await startFakeMusicBrainz({ catalog: seeded() });
    const answer = await getWithoutUserAgent(`${fake.url}/isrc/GBAAA9900303?fmt=json`);
    expect(answer).toEqual({ status: 403, body: fixture('error-403-forbidden.json') });
  });

  it('answers 503 with the real body to a second request within one second, and serves again after it', async () => {
    fake = await startFakeMusicBrainz({ catalog: seeded() });
    expect((await get('/isrc/GBAAA9900303?fmt=json')).status).toBe(200);
    expect(await get('/isrc/GBAAA9900303?fmt=json')).toEqual({
      status: 503,
      body: fixture('error-503-rate-limited.json'),
    });
    expect(fake.maxRequestsInAnyWindow(1000)).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await get('/isrc/GBAAA9900303?fmt=json')).status).toBe(200);
  });

  it('answers 404 with the real body for unknown ids and 400 for malformed ones', async () => {
    fake = await startFakeMusicBrainz({ enforceRateLimit: false });
    expect(await get('/recording/5b11f4ce-a62d-471e-81fc-a69a8278c7da?fmt=json')).toEqual({
      status: 404,
      body: fixture('error-404-not-found.json'),
    });
    expect(await get('/isrc/GBAAA9900303?fmt=json')).toEqual({
      status: 404,
      body: fixture('error-404-not-found.json'),
    });
    expect((await get('/recording/not-an-mbid?fmt=json')).status).toBe(400);
    expect((await get('/isrc/NOPE?fmt=json')).status).toBe(400);
    expect((await get('/recording/5b11f4ce-a62d-471e-81fc-a69a8278c7da?fmt=json&inc=colours')).status).toBe(
      400,
    );
  });

  it('lists every recording that carries an ISRC, with the keys the inc parameter asks for', async () => {
    const catalog = seeded();
    catalog.addRecording({
      title: 'Hey Boy Hey Girl',
      artists: ['The Chemical Brothers'],
      isrcs: ['GBAAA9900303'],
      disambiguation: 'radio edit',
    });
    fake = await startFakeMusicBrainz({ catalog, enforceRateLimit: false });
    const bare = (await get('/isrc/GBAAA9900303?fmt=json')).body as {
      recordings: Array<Record<string, unknown>>;
    };
    expect(bare.recordings).toHaveLength(2);
    expect(Object.keys(bare.recordings[0]!).sort()).toEqual(
      Object.keys((fixture('isrc-lookup.json') as { recordings: object[] }).recordings[0]!).sort(),
    );
    const full = (await get('/isrc/GBAAA9900303?fmt=json&inc=artist-credits+releases')).body as {
      recordings: Array<Record<string, unknown>>;
    };
    expect(full.recordings[0]).toHaveProperty('artist-credit');
    expect(full.recordings[0]).toHaveProperty('releases');
  });

  it('searches with field queries, scores 0–100 and pages with limit (default 25, at most 100) and offset', async () => {
    const catalog = new MusicBrainzCatalog();
    for (let n = 0; n < 120; n++) catalog.addRecording({ title: `Song ${n}`, artists: ['Band'] });
    catalog.addRecording({ title: 'Other', artists: ['Someone Else'] });
    fake = await startFakeMusicBrainz({ catalog, enforceRateLimit: false });
    const page = async (query: string, paging = '') =>
      (await get(`/recording?fmt=json&query=${encodeURIComponent(query)}${paging}`)).body as {
        count: number;
        offset: number;
        recordings: Array<{ score: number; title: string }>;
      };
    const first = await page('artist:(Band)');
    expect(first.count).toBe(120);
    expect(first.recordings).toHaveLength(25);
    expect((await page('artist:(Band)', '&limit=500')).recordings).toHaveLength(100);
    expect((await page('artist:(Band)', '&limit=500&offset=110')).recordings).toHaveLength(10);
    const partial = await page('recording:(Song 7 nothing) AND artist:(Band)');
    expect(partial.recordings[0]).toMatchObject({ title: 'Song 7' });
    expect(partial.recordings.every((hit) => hit.score > 0 && hit.score <= 100)).toBe(true);
    expect(partial.recordings[0]!.score).toBeGreaterThan(partial.recordings.at(-1)!.score);
    expect((await page('recording:(Other) AND artist:(Band)')).count).toBe(0);
  });

  it('answers OR-groups of ids in one search, each hit scoring 100, and pages them', async () => {
    const catalog = seeded();
    const other = catalog.addRecording({ title: 'Setting Sun', isrcs: ['GBAAA9600101', 'GBAAA9600102'] });
    for (let n = 0; n < 5; n++) catalog.addRecording({ title: `Filler ${n}` });
    fake = await startFakeMusicBrainz({ catalog, enforceRateLimit: false });
    const search = async (path: string, query: string, paging = '') =>
      (await get(`/${path}?fmt=json&query=${encodeURIComponent(query)}${paging}`)).body as {
        count: number;
        offset: number;
        recordings?: Array<{ score: number; title: string; id: string }>;
        'release-groups'?: Array<Record<string, unknown>>;
      };
    const byIsrc = await search('recording', 'isrc:(GBAAA9900303 OR GBAAA9600102 OR GBAAA0000000)');
    expect(byIsrc.count).toBe(2);
    expect(byIsrc.recordings?.map((hit) => [hit.title, hit.score])).toEqual([
      ['Hey Boy Hey Girl', 100],
      ['Setting Sun', 100],
    ]);
    const byId = await search('recording', `rid:(${other.id})`);
    expect(byId.recordings?.map((hit) => hit.id)).toEqual([other.id]);
    const paged = await search('recording', 'isrc:(GBAAA9900303 OR GBAAA9600101)', '&limit=1&offset=1');
    expect([paged.count, paged.offset, paged.recordings?.length]).toEqual([2, 1, 1]);
    // As in the captured search answer: a hit's release group has no first-release date…
    const hit = (await search('recording', 'isrc:(GBAAA9900303)')).recordings![0] as unknown as {
      releases: Array<{ 'release-group': Record<string, unknown> }>;
    };
    expect(hit.releases[0]?.['release-group']).not.toHaveProperty('first-release-date');
    // …which the release-group search has.
    const groupId = hit.releases[0]?.['release-group'].id as string;
    const groups = await search('release-group', `rgid:(${groupId})`);
    expect(groups['release-groups']?.[0]).toMatchObject({
      id: groupId,
      'first-release-date': '1999-06-21',
      score: 100,
    });
  });

  it('refuses malformed queries and too many clauses with 400, and over-long URLs with 414', async () => {
    fake = await startFakeMusicBrainz({ catalog: seeded(), enforceRateLimit: false });
    const status = async (query: string) =>
      (await fetch(`${fake!.url}/recording?fmt=json&query=${encodeURIComponent(query)}`, { headers: UA }))
        .status;
    for (const malformed of [
      'isrc:(GBAAA9900303',
      'recording:"open',
      'isrc:(A OR B) OR',
      'artist:)',
      'rid:()',
    ]) {
      expect([malformed, await status(malformed)]).toEqual([malformed, 400]);
    }
    const letters = (count: number) => Array.from({ length: count }, (_, n) => `x${n}`).join(' OR ');
    expect(await status(`isrc:(${letters(1024)})`)).toBe(200);
    expect(await status(`isrc:(${letters(1025)})`)).toBe(400);
    const isrcs = Array.from({ length: 600 }, (_, n) => `GBAAA99${String(n).padStart(5, '0')}`);
    expect(await status(`isrc:(${isrcs.join(' OR ')})`)).toBe(414);
  });

  it('fails the next requests on demand', async () => {
    fake = await startFakeMusicBrainz({ catalog: seeded(), enforceRateLimit: false });
    fake.failNext(2, 500);
    expect((await get('/isrc/GBAAA9900303?fmt=json')).status).toBe(500);
    expect((await get('/isrc/GBAAA9900303?fmt=json')).status).toBe(500);
    expect((await get('/isrc/GBAAA9900303?fmt=json')).status).toBe(200);
  });
});

// `narada serve`'s LastYear routes over real HTTP: the server as the container builds it, on a free
// port, against the fake Last.fm and MusicBrainz (one request a second), with a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LASTYEAR } from '../../../src/infrastructure/di/lastyear.tokens.js';
import { aFakeScrobble } from '../../fakes/lastfm/fake-lastfm-builders.js';
import {
  readEvents,
  seedListener,
  startLastYearWorld,
  type LastYearWorld,
  type SeededListener,
} from './lastyear-kit.js';

const LONG = 60_000;

describe('the LastYear server', () => {
  let world: LastYearWorld;
  let ana: SeededListener;

  beforeAll(async () => {
    world = await startLastYearWorld();
    ana = seedListener(world, 'Ana_M');
    seedListener(world, 'BeaTwo');
    seedListener(world, 'Cleo');
  });

  afterAll(async () => {
    await world?.close();
  });

  const recentCalls = (user: string) =>
    world.lastfm.calls('user.getRecentTracks').filter((c) => c.params.user === user).length;

  it('answers 404 for a user Last.fm does not know, as HTML and as JSON', async () => {
    const html = await world.get('/user/NoSuchUser');
    expect(html.status).toBe(404);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('Last.fm knows no user named NoSuchUser');
    const json = await world.json<{ error: { code: string } }>('/user/NoSuchUser/2024');
    expect(json).toEqual({
      status: 404,
      body: { error: { code: 'LASTYEAR.UNKNOWN_USER', message: expect.any(String) } },
    });
  });

  it('lists the years from registration to now, each linked, with the Last.fm profile', async () => {
    const html = await (await world.get('/user/ana_m')).text();
    expect(html).toContain('href="/user/Ana_M/2024"');
    expect(html).toContain('href="/user/Ana_M/2019"');
    expect(html).not.toContain('href="/user/Ana_M/2018"');
    expect(html).toContain('href="https://www.last.fm/user/Ana_M"');
    const json = await world.json<{ user: string; years: number[] }>('/user/Ana_M');
    const current = new Date().getUTCFullYear();
    expect(json.body.user).toBe('Ana_M');
    expect(json.body.years[0]).toBe(current);
    expect(json.body.years.at(-1)).toBe(2019);
  });

  it("asks for a user name on its home page and sends the form to that user's page", async () => {
    const home = await (await world.get('/')).text();
    expect(home).toContain('<label for="username">');
    const sent = await fetch(`${world.server.url}/user?username=Ana_M`, { redirect: 'manual' });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/user/Ana_M');
  });

  it('refuses a bad user name or year with 400 and a clear message, calling nobody', async () => {
    const before = world.lastfm.calls().length;
    for (const path of [
      '/user/a/2024',
      '/user/%3Cscript%3E/2024',
      '/user/Ana_M/1999',
      '/user/Ana_M/20x4',
      '/user/Ana_M/3000',
    ]) {
      const json = await world.json<{ error: { code: string; message: string } }>(path);
      expect({ path, status: json.status }).toEqual({ path, status: 400 });
      expect(json.body.error.message).toMatch(/user name|year must be/);
      const html = await world.get(path);
      expect(html.status).toBe(400);
      expect(await html.text()).not.toContain('<script>');
    }
    expect(world.lastfm.calls().length).toBe(before);
  });

  it(
    'runs a new year as a job to completed, with the distribution the scrobbles imply',
    async () => {
      const first = await world.json<{ status: string }>('/user/Ana_M/2024');
      expect(first.status).toBe(200);
      expect(['pending', 'fetching', 'augmenting']).toContain(first.body.status);
      const stream = await readEvents(`${world.server.url}/user/Ana_M/2024/events`);
      expect(stream.type).toContain('text/event-stream');
      const names = stream.events.map((e) => e.event);
      expect(names.at(-1)).toBe('completed');
      expect(names.slice(0, -1).every((n) => n === 'progress')).toBe(true);
      const done = await world.json<Record<string, unknown>>('/user/Ana_M/2024');
      expect(done.body).toEqual({
        status: 'completed',
        user: 'Ana_M',
        year: 2024,
        total: ana.total2024,
        unknown: ana.unknown2024,
        distribution: ana.distribution2024.map((d) => ({ ...d, fallback: 0 })),
        progress: expect.objectContaining({ phase: 'completed' }),
        dated: { musicbrainz: 6, albumDate: 0 },
      });
    },
    LONG,
  );

  it(
    'makes no Last.fm or MusicBrainz call for a returning visitor of a completed year',
    async () => {
      await readEvents(`${world.server.url}/user/Ana_M/2024/events`);
      const lastfm = world.lastfm.calls().length;
      const musicbrainz = world.musicbrainz.requests.length;
      const html = await world.get('/user/Ana_M/2024');
      expect(html.status).toBe(200);
      const page = await html.text();
      expect(page).toContain('<svg');
      expect(page).toMatch(/<th scope="row">1969<\/th><td>3<\/td>/);
      expect(page).toMatch(/<th scope="row">unknown<\/th><td>2<\/td>/);
      await world.json('/user/Ana_M/2024');
      await world.get('/user/Ana_M');
      await world.get('/user/Ana_M/2024?view=decades');
      await world.get('/user/Ana_M/2024/chart.svg');
      expect(world.lastfm.calls().length).toBe(lastfm);
      expect(world.musicbrainz.requests.length).toBe(musicbrainz);
    },
    LONG,
  );

  it(
    'sends a watcher who comes after the end the final event at once',
    async () => {
      await readEvents(`${world.server.url}/user/Ana_M/2024/events`);
      const late = await readEvents(`${world.server.url}/user/Ana_M/2024/events`, 5_000);
      expect(late.events).toEqual([
        {
          event: 'completed',
          data: { status: 'completed', user: 'Ana_M', year: 2024, total: 8, unknown: 2 },
        },
      ]);
    },
    LONG,
  );

  it(
    'shares one job between visitors who ask at the same time',
    async () => {
      const held = world.lastfm.fault('user.getRecentTracks', 'hold', { times: 'always' });
      const asks = await Promise.all([
        world.json<{ status: string }>('/user/BeaTwo/2024'),
        world.json<{ status: string }>('/user/beatwo/2024'),
      ]);
      expect(asks.map((a) => a.body.status).every((s) => s === 'pending' || s === 'fetching')).toBe(true);
      const jobs = await world.container.get(LASTYEAR.Jobs);
      const job = (await jobs.state('lastyear:beatwo:2024'))!.id;
      const streams = Promise.all([
        readEvents(`${world.server.url}/user/BeaTwo/2024/events`),
        readEvents(`${world.server.url}/user/BEATWO/2024/events`),
      ]);
      await held.reached;
      // Still held: a page shows the progress and follows the events.
      const page = await (await world.get('/user/BeaTwo/2024')).text();
      expect(page).toContain('id="progress"');
      expect(page).toContain('new EventSource');
      held.clear();
      const [one, two] = await streams;
      expect(one.events.at(-1)?.event).toBe('completed');
      expect(two.events.at(-1)?.event).toBe('completed');
      expect(recentCalls('BeaTwo')).toBe(1);
      // Every visitor joined the first job: no other was created for the key. (A queue in the
      // database may record the job's end a moment after its last event.)
      expect(await jobs.state('lastyear:beatwo:2024')).toEqual(
        expect.objectContaining({ id: job, status: expect.stringMatching(/^(running|completed)$/) }),
      );
    },
    LONG,
  );

  it(
    'ends the events with failed and its reason when Last.fm refuses the history',
    async () => {
      const refused = world.lastfm.fault('user.getRecentTracks', { error: 17 }, { times: 'always' });
      const stream = await readEvents(`${world.server.url}/user/Cleo/2023/events`);
      refused.clear();
      const last = stream.events.at(-1)!;
      expect(last.event).toBe('failed');
      expect(String(last.data.reason)).toMatch(/privacy|recent listening/);
      const json = await world.json<{ status: string; reason: string }>('/user/Cleo/2023');
      expect(json.body.status).toBe('failed');
    },
    LONG,
  );

  it(
    'makes the current year again an hour later, reading on from its last import (late scrobbles included)',
    async () => {
      const now = Date.now();
      const year = new Date(now).getUTCFullYear();
      const yearStart = Date.UTC(year, 0, 1);
      const recording = world.musicbrainz.catalog.addRecording({
        title: 'Now Song',
        artists: ['Now Band'],
        releases: [{ title: 'Now Album', date: '2001-01-01' }],
      }).id;
      // Between the year's start and now, so the test holds on any day of the year.
      const at = (share: number) => Math.floor((yearStart + (now - yearStart) * share) / 1000);
      const song = { artist: 'Now Band', track: 'Now Song', album: null, mbid: recording };
      world.lastfm.addScrobbles(
        'Dora',
        [0.2, 0.5, 0.8].map((share) => aFakeScrobble({ ...song, timestamp: at(share) })),
      );
      await readEvents(`${world.server.url}/user/Dora/${year}/events`);
      expect((await world.json<{ total: number }>(`/user/Dora/${year}`)).body.total).toBe(3);
      const firstCall = world.lastfm
        .calls('user.getRecentTracks')
        .filter((c) => c.params.user === 'Dora')[0]!;

      // A late scrobble (sent after the first read, dated before it), and an hour gone by.
      const late = Math.floor((now - Math.min(60_000, (now - yearStart) / 2)) / 1000);
      world.lastfm.addScrobbles('Dora', [aFakeScrobble({ ...song, timestamp: late })]);
      const caches = await world.container.get(LASTYEAR.Caches);
      const kept = (await caches.report('Dora', year, Date.now()))!;
      await caches.keepReport({ ...kept, madeAt: kept.madeAt - 2 * 3_600_000 });

      const stream = await readEvents(`${world.server.url}/user/Dora/${year}/events`);
      expect(stream.events.at(-1)).toEqual({
        event: 'completed',
        data: { status: 'completed', user: 'Dora', year, total: 4, unknown: 0 },
      });
      const calls = world.lastfm.calls('user.getRecentTracks').filter((c) => c.params.user === 'Dora');
      // Read on from the last import's end (minus Last.fm's 14 days), not from the year's start again.
      const refresh = calls.at(-1)!;
      expect(Number(refresh.params.from)).toBeGreaterThanOrEqual(Number(firstCall.params.from));
      expect(Number(refresh.params.from)).toBeGreaterThanOrEqual(
        Math.ceil(Math.max(yearStart, Number(firstCall.params.to) * 1000 - 14 * 86_400_000) / 1000),
      );
    },
    LONG,
  );

  it(
    'shows decades, a comparison, the dating shares and the SVG download as their own addresses',
    async () => {
      await readEvents(`${world.server.url}/user/Ana_M/2024/events`);
      await readEvents(`${world.server.url}/user/Ana_M/2023/events`);
      const decades = await (await world.get('/user/Ana_M/2024?view=decades')).text();
      expect(decades).toMatch(/<th scope="row">1960s<\/th><td>3<\/td>/);
      expect(decades).toContain('by MusicBrainz');
      const compared = await (await world.get('/user/Ana_M/2024?compare=2023')).text();
      expect(compared).toContain('Listens in 2024 and 2023');
      expect(compared).toMatch(/<th scope="row">1985<\/th><td>2<\/td><td>1<\/td>/);
      const svg = await world.get('/user/Ana_M/2024/chart.svg');
      expect(svg.headers.get('content-type')).toContain('image/svg+xml');
      expect(await svg.text()).toMatch(/^<svg /);
      const hostile = await world.get('/user/Ana_M/2024?view=%3Cscript%3Ealert(1)%3C/script%3E');
      expect(hostile.status).toBe(200);
      expect(await hostile.text()).not.toContain('<script>alert');
      const badCompare = await world.get('/user/Ana_M/2024?compare=%3Cscript%3Ealert(1)%3C/script%3E');
      expect(badCompare.status).toBe(400);
      expect(await badCompare.text()).not.toContain('<script>alert');
    },
    LONG,
  );
});

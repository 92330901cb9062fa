// The LastYear server as `narada serve` builds it (the real container: SQLite in a temp folder, or a
// fresh PostgreSQL schema in the test:postgres run; the Last.fm and MusicBrainz clients over HTTP to the
// fakes), listening on 127.0.0.1 on a free port, with real HTTP to it: fetch, and an event-stream reader
// over fetch.
import { afterAll } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import { createAppContainer, type AppContainer } from '../../../src/infrastructure/di/container.js';
import { LASTYEAR } from '../../../src/infrastructure/di/lastyear.tokens.js';
import { JsonLinesLogger } from '../../../src/infrastructure/logging/json-lines-logger.js';
import { Redactor } from '../../../src/infrastructure/logging/redact.js';
import type { RunningWebServer } from '../../../src/infrastructure/web/web-server-types.js';
import { lastfmEnv, musicbrainzEnv } from '../../fakes/fake-service-env.js';
import { setFakeRegistration } from '../../fakes/lastfm/fake-lastfm-chart-methods.js';
import { aFakeScrobble } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { startFakeLastfm, type FakeLastfm, type FakeLastfmOptions } from '../../fakes/lastfm/fake-lastfm.js';
import type { FakeScrobble } from '../../fakes/lastfm/fake-lastfm-state.js';
import { startFakeMusicBrainz, type FakeMusicBrainz } from '../../fakes/musicbrainz/fake-musicbrainz.js';
import { dropFileDatabase, freshSchemaUrl, onPostgres } from '../persistence/postgres-test-database.js';

// Each test file's PostgreSQL database goes when the file is done.
if (onPostgres) afterAll(dropFileDatabase);

export interface LastYearWorld {
  readonly lastfm: FakeLastfm;
  readonly musicbrainz: FakeMusicBrainz;
  readonly container: AppContainer;
  readonly server: RunningWebServer;
  readonly folder: string;
  get(path: string, accept?: string): Promise<Response>;
  json<T = Record<string, unknown>>(path: string): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function startLastYearWorld(options: FakeLastfmOptions = {}): Promise<LastYearWorld> {
  const lastfm = await startFakeLastfm(options);
  const musicbrainz = await startFakeMusicBrainz();
  const folder = mkdtempSync(join(tmpdir(), 'narada-lastyear-it-'));
  const schema = onPostgres ? await freshSchemaUrl() : null;
  const env = {
    NARADA_HOME: folder,
    ...(schema === null ? {} : { DATABASE_URL: schema.url }),
    ...lastfmEnv(lastfm),
    ...musicbrainzEnv(musicbrainz),
  };
  const logger = new JsonLinesLogger({ dir: join(folder, 'logs'), redactor: new Redactor([]) });
  const container = createAppContainer({
    config: loadConfig({ env, cwd: folder, homeDir: folder }),
    logger,
    progress: SILENT_PROGRESS,
  });
  const server = await (await container.get(LASTYEAR.WebServer))({ host: '127.0.0.1', port: 0 });
  const get = (path: string, accept = 'text/html') => fetch(`${server.url}${path}`, { headers: { accept } });
  return {
    lastfm,
    musicbrainz,
    container,
    server,
    folder,
    get,
    async json<T>(path: string) {
      const response = await get(path, 'application/json');
      return { status: response.status, body: (await response.json()) as T };
    },
    async close() {
      await server.close();
      await container.close();
      await schema?.drop();
      logger.close();
      await lastfm.close();
      await musicbrainz.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export interface StreamEvent {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/** Reads `text/event-stream` over fetch until an event named `completed` or `failed` (or the stream ends). */
export async function readEvents(
  url: string,
  timeoutMs = 60_000,
): Promise<{ status: number; type: string | null; events: StreamEvent[] }> {
  const abort = AbortSignal.timeout(timeoutMs);
  const response = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: abort });
  const events: StreamEvent[] = [];
  if (response.body === null || !response.ok)
    return { status: response.status, type: response.headers.get('content-type'), events };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (name === undefined || data === undefined) continue;
      events.push({ event: name, data: JSON.parse(data) as Record<string, unknown> });
      if (name === 'completed' || name === 'failed') {
        await reader.cancel();
        return { status: response.status, type: response.headers.get('content-type'), events };
      }
    }
  }
  return { status: response.status, type: response.headers.get('content-type'), events };
}

/** Seeds a user: registered in 2019, with scrobbles of catalog recordings (dated) and of unknown songs. */
export function seedListener(
  world: Pick<LastYearWorld, 'lastfm' | 'musicbrainz'>,
  user: string,
): SeededListener {
  const { catalog } = world.musicbrainz;
  const recording = (title: string, artist: string, date: string) =>
    catalog.addRecording({ title, artists: [artist], releases: [{ title: `${title} (album)`, date }] }).id;
  const songs = {
    sixtyNine: {
      artist: 'The Old Band',
      track: 'Summer of 69',
      mbid: recording('Summer of 69', 'The Old Band', '1969-06-01'),
    },
    eightyFive: { artist: 'Synth Duo', track: 'Neon', mbid: recording('Neon', 'Synth Duo', '1985-03-02') },
    ninetySeven: { artist: 'Brit Band', track: 'Karma', mbid: recording('Karma', 'Brit Band', '1997-05-21') },
  };
  const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);
  const scrobbles: FakeScrobble[] = [
    ...['01-05', '03-10', '07-20'].map((d) =>
      aFakeScrobble({ ...songs.sixtyNine, album: null, timestamp: at(`2024-${d}T10:00:00Z`) }),
    ),
    ...['02-01', '09-09'].map((d) =>
      aFakeScrobble({ ...songs.eightyFive, album: null, timestamp: at(`2024-${d}T10:00:00Z`) }),
    ),
    aFakeScrobble({ ...songs.ninetySeven, album: null, timestamp: at('2024-12-31T23:59:00Z') }),
    // Songs MusicBrainz cannot date: unknown year.
    aFakeScrobble({ artist: 'Nobody', track: 'Demo 1', album: null, timestamp: at('2024-04-04T10:00:00Z') }),
    aFakeScrobble({ artist: 'Nobody', track: 'Demo 2', album: null, timestamp: at('2024-05-05T10:00:00Z') }),
    // Other years: never counted in 2024.
    aFakeScrobble({ ...songs.ninetySeven, album: null, timestamp: at('2023-12-31T23:59:59Z') }),
    aFakeScrobble({ ...songs.eightyFive, album: null, timestamp: at('2023-06-01T10:00:00Z') }),
    aFakeScrobble({ ...songs.sixtyNine, album: null, timestamp: at('2025-01-01T00:00:00Z') }),
  ];
  world.lastfm.addScrobbles(user, scrobbles);
  setFakeRegistration(world.lastfm.state, user, at('2019-08-01T00:00:00Z'));
  return {
    distribution2024: [
      { year: 1969, count: 3 },
      { year: 1985, count: 2 },
      { year: 1997, count: 1 },
    ],
    total2024: 8,
    unknown2024: 2,
  };
}

export interface SeededListener {
  readonly distribution2024: ReadonlyArray<{ year: number; count: number }>;
  readonly total2024: number;
  readonly unknown2024: number;
}

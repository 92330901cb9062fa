// The fake services an end-to-end test file runs the built CLI against: the fakes it names, started
// before its tests and closed after them, a NARADA_HOME of its own, and the environment that points
// the CLI at those fakes, logged in as the test says. A test states only what differs: which fakes,
// which logins, and its seed.
import { afterAll, beforeAll } from '@jest/globals';
import { lastfmEnv, musicbrainzEnv, spotifyEnv, type LastfmLogin } from '../fakes/fake-service-env.js';
import { startFakeLastfm, type FakeLastfm, type FakeLastfmOptions } from '../fakes/lastfm/fake-lastfm.js';
import {
  startFakeMusicBrainz,
  type FakeMusicBrainz,
  type FakeMusicBrainzOptions,
} from '../fakes/musicbrainz/fake-musicbrainz.js';
import {
  startFakeSpotify,
  type FakeSpotify,
  type FakeSpotifyOptions,
} from '../fakes/spotify/fake-spotify.js';
import { cleanEnv, tempDir } from './cli-harness.js';

export interface FakeServicesOptions {
  /** Start the fake Spotify; logged in with a refresh token unless `login` is false. */
  readonly spotify?: FakeSpotifyOptions & { readonly login?: boolean };
  /** Start the fake Last.fm; the API key always, the rest of the login as given. */
  readonly lastfm?: FakeLastfmOptions & LastfmLogin;
  readonly musicbrainz?: FakeMusicBrainzOptions;
  readonly homePrefix?: string;
}

export interface FakeServices {
  readonly spotify: FakeSpotify;
  readonly lastfm: FakeLastfm;
  readonly musicbrainz: FakeMusicBrainz;
  /** This file's NARADA_HOME. */
  readonly home: string;
  /** The clean environment for `home`, pointed at the fakes and logged in. */
  readonly env: Record<string, string>;
  /** The same fakes and logins for another NARADA_HOME, with `extra` variables on top. */
  envFor(home: string, extra?: Readonly<Record<string, string>>): Record<string, string>;
}

/** Registers the start and the close of the fakes in the enclosing scope (call at a file's or describe's top). */
export function useFakeServices(options: FakeServicesOptions): FakeServices {
  const home = tempDir(options.homePrefix);
  let spotify: FakeSpotify | undefined;
  let lastfm: FakeLastfm | undefined;
  let musicbrainz: FakeMusicBrainz | undefined;
  let services: Record<string, string> | undefined;
  let env: Record<string, string> | undefined;

  beforeAll(async () => {
    if (options.spotify !== undefined) spotify = await startFakeSpotify(options.spotify);
    if (options.lastfm !== undefined) lastfm = await startFakeLastfm(options.lastfm);
    if (options.musicbrainz !== undefined) musicbrainz = await startFakeMusicBrainz(options.musicbrainz);
    // Built once: a refresh token or a session key is issued by the fake each time it is asked for.
    services = {
      ...(spotify === undefined ? {} : spotifyEnv(spotify, options.spotify?.login ?? true)),
      ...(lastfm === undefined ? {} : lastfmEnv(lastfm, options.lastfm)),
      ...(musicbrainz === undefined ? {} : musicbrainzEnv(musicbrainz)),
    };
    env = cleanEnv(home.path, services);
  });

  afterAll(async () => {
    await spotify?.close();
    await lastfm?.close();
    await musicbrainz?.close();
    home.remove();
  });

  const started = <T>(name: string, value: T | undefined): T => {
    if (value === undefined)
      throw new Error(`${name} is not started: name it in useFakeServices, use it in a test or hook`);
    return value;
  };
  return {
    get spotify() {
      return started('the fake Spotify', spotify);
    },
    get lastfm() {
      return started('the fake Last.fm', lastfm);
    },
    get musicbrainz() {
      return started('the fake MusicBrainz', musicbrainz);
    },
    home: home.path,
    get env() {
      return started('the environment', env);
    },
    envFor: (other, extra = {}) => cleanEnv(other, { ...started('the environment', services), ...extra }),
  };
}

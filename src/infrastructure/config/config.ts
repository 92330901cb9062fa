// The whole configuration, from the environment and `.env` files (cwd, then NARADA_HOME; the real
// environment wins). Nothing else in Narada reads process.env.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigurationError, InvalidInputError } from '../../domain/shared/errors.js';
import { parseDatabaseUrl } from './database-url.js';
import { readDotenv } from './dotenv.js';
import { naradaVersion, PROJECT_URL } from './version.js';

export interface SpotifyConfig {
  readonly clientId: string | null;
  readonly clientSecret: string | null;
  readonly redirectUri: string;
  readonly refreshToken: string | null;
  readonly apiUrl: string;
  readonly accountsUrl: string;
}

export interface LastfmConfig {
  readonly apiKey: string | null;
  readonly apiSecret: string | null;
  readonly username: string | null;
  readonly sessionKey: string | null;
  readonly apiUrl: string;
}

export interface MusicBrainzConfig {
  readonly userAgent: string;
  readonly apiUrl: string;
  /** Requests per second (MUSICBRAINZ_RATE_LIMIT, default 1); null for `unlimited`, e.g. a mirror. */
  readonly requestsPerSecond: number | null;
}

export interface ListenBrainzConfig {
  readonly apiUrl: string;
  /** The user token (LISTENBRAINZ_TOKEN): a secret, redacted from logs. */
  readonly token: string | null;
}

export interface NaradaConfig {
  readonly version: string;
  readonly home: string;
  /** The SQLite file, or for PostgreSQL its display URL `postgres://user@host:port/db` (no password). */
  readonly databasePath: string;
  /** The PostgreSQL connection URL from DATABASE_URL (a secret: it may hold a password); null for SQLite. */
  readonly databaseUrl: string | null;
  readonly logDir: string;
  readonly backupDir: string;
  readonly workflowsDir: string;
  readonly credentialsFile: string;
  readonly spotify: SpotifyConfig;
  readonly lastfm: LastfmConfig;
  readonly musicbrainz: MusicBrainzConfig;
  readonly listenbrainz: ListenBrainzConfig;
  /** Longest Retry-After Narada waits out before stopping and telling the user when to come back. */
  readonly maxRetryAfterMs: number;
  /** Longest a command waits for another Narada process's writes to the database (NARADA_DB_WAIT_SECONDS). */
  readonly databaseWaitMs: number;
  /** On PostgreSQL, longest a job runs before a fresh job continues it from its cursor (NARADA_JOB_SLICE_SECONDS). */
  readonly jobSliceMs: number;
  /** How often `narada serve` and `narada worker` look for due schedules (NARADA_SCHEDULE_TICK_SECONDS). */
  readonly scheduleTickMs: number;
  readonly userAgent: string;
}

export interface ConfigSources {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly homeDir?: string;
}

export function loadConfig({ env: realEnv, cwd, homeDir = homedir() }: ConfigSources): NaradaConfig {
  const fromCwd = readDotenv(join(cwd, '.env'));
  const early = { ...fromCwd, ...definedOnly(realEnv) };
  const home = resolve(
    cwd,
    early.NARADA_HOME ?? join(early.XDG_DATA_HOME ?? join(homeDir, '.local', 'share'), 'narada'),
  );
  const env: Record<string, string | undefined> = { ...readDotenv(join(home, '.env')), ...early };
  const value = (key: string): string | null => {
    const v = env[key]?.trim();
    return v === undefined || v === '' ? null : v;
  };
  const version = naradaVersion();
  const database = parseDatabaseUrl(value('DATABASE_URL'), home, cwd);
  const userAgent = `narada/${version} ( ${PROJECT_URL} )`;

  return Object.freeze({
    version,
    home,
    databasePath: database.path,
    databaseUrl: database.url,
    logDir: join(home, 'logs'),
    backupDir: join(home, 'backups'),
    workflowsDir: join(home, 'workflows'),
    credentialsFile: join(home, 'credentials.json'),
    spotify: {
      clientId: value('SPOTIFY_CLIENT_ID'),
      clientSecret: value('SPOTIFY_CLIENT_SECRET'),
      redirectUri: value('SPOTIFY_REDIRECT_URI') ?? 'http://127.0.0.1:8888/callback',
      refreshToken: value('SPOTIFY_REFRESH_TOKEN'),
      apiUrl: baseUrl(value('SPOTIFY_API_URL') ?? 'https://api.spotify.com/v1', 'SPOTIFY_API_URL'),
      accountsUrl: baseUrl(
        value('SPOTIFY_ACCOUNTS_URL') ?? 'https://accounts.spotify.com',
        'SPOTIFY_ACCOUNTS_URL',
      ),
    },
    lastfm: {
      apiKey: value('LASTFM_API_KEY'),
      apiSecret: value('LASTFM_API_SECRET'),
      username: value('LASTFM_USERNAME'),
      sessionKey: value('LASTFM_SESSION_KEY'),
      // The endpoint is used whole (it ends in a slash), so only validate it.
      apiUrl: checkedUrl(value('LASTFM_API_URL') ?? 'https://ws.audioscrobbler.com/2.0/', 'LASTFM_API_URL'),
    },
    musicbrainz: {
      userAgent: value('MUSICBRAINZ_USER_AGENT') ?? userAgent,
      apiUrl: baseUrl(value('MUSICBRAINZ_API_URL') ?? 'https://musicbrainz.org/ws/2', 'MUSICBRAINZ_API_URL'),
      requestsPerSecond: rateLimit(value('MUSICBRAINZ_RATE_LIMIT')),
    },
    listenbrainz: {
      apiUrl: baseUrl(
        value('LISTENBRAINZ_API_URL') ?? 'https://api.listenbrainz.org',
        'LISTENBRAINZ_API_URL',
      ),
      token: value('LISTENBRAINZ_TOKEN'),
    },
    maxRetryAfterMs:
      amount('NARADA_MAX_RETRY_AFTER_MINUTES', value('NARADA_MAX_RETRY_AFTER_MINUTES'), 10, 'minutes') *
      60_000,
    databaseWaitMs: amount('NARADA_DB_WAIT_SECONDS', value('NARADA_DB_WAIT_SECONDS'), 60, 'seconds') * 1000,
    jobSliceMs: amount('NARADA_JOB_SLICE_SECONDS', value('NARADA_JOB_SLICE_SECONDS'), 60, 'seconds') * 1000,
    scheduleTickMs:
      amount('NARADA_SCHEDULE_TICK_SECONDS', value('NARADA_SCHEDULE_TICK_SECONDS'), 60, 'seconds') * 1000,
    userAgent,
  });
}

/** The secrets in a configuration, so logs can redact them wherever they appear. */
export function configSecrets(config: NaradaConfig): string[] {
  return [
    config.spotify.clientSecret,
    config.spotify.refreshToken,
    config.lastfm.apiSecret,
    config.lastfm.sessionKey,
    config.listenbrainz.token,
    config.databaseUrl,
    config.databaseUrl === null ? null : parseDatabaseUrl(config.databaseUrl, '', '').secret,
  ].filter((s): s is string => s !== null && s.length >= 4);
}

function checkedUrl(url: string, key: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new InvalidInputError(
      'CONFIG.BAD_URL',
      `${key} "${url}" is not an http(s) URL; fix it or unset it to use the default`,
    );
  }
  return url;
}

function baseUrl(url: string, key: string): string {
  return checkedUrl(url, key).replace(/\/+$/, '');
}

function amount(key: string, text: string | null, fallback: number, unit: string): number {
  if (text === null) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) {
    throw new InvalidInputError('CONFIG.BAD_NUMBER', `${key} "${text}" must be a number of ${unit} ≥ 0`);
  }
  return n;
}

/**
 * MUSICBRAINZ_RATE_LIMIT: requests per second, default 1 (musicbrainz.org's rule); `unlimited` for a
 * mirror of one's own. 0 is refused rather than read as "no limit": zero per second means never.
 */
function rateLimit(text: string | null): number | null {
  if (text === null) return 1;
  if (text.toLowerCase() === 'unlimited') return null;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) {
    throw new ConfigurationError(
      'CONFIG.BAD_RATE_LIMIT',
      `MUSICBRAINZ_RATE_LIMIT "${text}" must be a number of requests per second > 0 (1 for musicbrainz.org), or "unlimited" for a mirror of your own`,
    );
  }
  return n;
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

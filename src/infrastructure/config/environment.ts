// The environment variables Narada reads, with what each is for: `--help` of every command lists
// the ones it uses. Kept free of imports so `narada --help` stays fast.

export const ENVIRONMENT = {
  NARADA_HOME: 'Data folder: database, logins, logs, backups (default ~/.local/share/narada)',
  DATABASE_URL: 'sqlite:/path/to/narada.db, to keep the database elsewhere',
  SPOTIFY_CLIENT_ID: 'Client id of your Spotify app (developer.spotify.com/dashboard)',
  SPOTIFY_CLIENT_SECRET: 'Only for refresh tokens made with a client secret; PKCE needs none',
  SPOTIFY_REDIRECT_URI: 'Loopback redirect registered for the app (default http://127.0.0.1:8888/callback)',
  SPOTIFY_REFRESH_TOKEN: 'A Spotify login without a browser (wins over the stored one)',
  LASTFM_API_KEY: 'Key of your Last.fm API account (last.fm/api/account/create)',
  LASTFM_API_SECRET: 'Shared secret of that API account (logins, loves, scrobbles)',
  LASTFM_USERNAME: 'Whose Last.fm data to read (default: the logged-in user)',
  LASTFM_SESSION_KEY: 'A Last.fm login without a browser (wins over the stored one)',
  MUSICBRAINZ_USER_AGENT: 'User-Agent sent to MusicBrainz (default narada/<version> ( project URL ))',
  MUSICBRAINZ_API_URL: 'MusicBrainz WS/2 base, e.g. a mirror (default https://musicbrainz.org/ws/2)',
  MUSICBRAINZ_RATE_LIMIT: 'MusicBrainz requests per second (default 1); "unlimited" for your own mirror',
  LISTENBRAINZ_TOKEN: 'Your ListenBrainz user token (listenbrainz.org/settings), to send listens',
  LISTENBRAINZ_API_URL: 'ListenBrainz API base (default https://api.listenbrainz.org)',
  NARADA_MAX_RETRY_AFTER_MINUTES: 'Longest Retry-After waited out before stopping (default 10)',
  NARADA_DB_WAIT_SECONDS: "Longest wait for another Narada command's database writes (default 60)",
  NARADA_JOB_SLICE_SECONDS:
    'On PostgreSQL, longest a job runs before a fresh job goes on from its cursor (default 60)',
  NARADA_SCHEDULE_TICK_SECONDS: 'How often serve and worker look for due schedules (default 60)',
} as const;

export type EnvVar = keyof typeof ENVIRONMENT;

/** Every command opens the data folder. */
export const DATA_ENV: readonly EnvVar[] = ['NARADA_HOME', 'DATABASE_URL', 'NARADA_DB_WAIT_SECONDS'];
export const SPOTIFY_ENV: readonly EnvVar[] = [
  'SPOTIFY_CLIENT_ID',
  'SPOTIFY_CLIENT_SECRET',
  'SPOTIFY_REFRESH_TOKEN',
  'NARADA_MAX_RETRY_AFTER_MINUTES',
];
export const LASTFM_ENV: readonly EnvVar[] = [
  'LASTFM_API_KEY',
  'LASTFM_API_SECRET',
  'LASTFM_USERNAME',
  'LASTFM_SESSION_KEY',
  'NARADA_MAX_RETRY_AFTER_MINUTES',
];
export const MUSICBRAINZ_ENV: readonly EnvVar[] = [
  'MUSICBRAINZ_USER_AGENT',
  'MUSICBRAINZ_API_URL',
  'MUSICBRAINZ_RATE_LIMIT',
  'NARADA_MAX_RETRY_AFTER_MINUTES',
];
export const LISTENBRAINZ_ENV: readonly EnvVar[] = [
  'LISTENBRAINZ_TOKEN',
  'LISTENBRAINZ_API_URL',
  'NARADA_MAX_RETRY_AFTER_MINUTES',
];

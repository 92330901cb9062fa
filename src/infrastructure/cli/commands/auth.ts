// `narada auth spotify | lastfm | status`: log in to the services and show who is connected.
import type { Argv, CommandModule } from 'yargs';
import { TOKENS } from '../../di/tokens.js';
import { withContext } from '../command.js';
import type { CommandContext } from '../context.js';
import type { AccountStatus } from '../views/auth-lines.js';
import type { GlobalArgs } from '../global-options.js';
import { commandGroup, documented } from '../help.js';
import { DATA_ENV, LASTFM_ENV, SPOTIFY_ENV } from '../../config/environment.js';

interface LoginArgs extends GlobalArgs {
  readonly timeout: number;
}

const timeoutOption = {
  timeout: { type: 'number', default: 300, describe: 'Seconds to wait for the browser approval' },
} as const;

const spotifyCommand: CommandModule<GlobalArgs, LoginArgs> = {
  command: 'spotify',
  describe: 'Log in to Spotify (Authorization Code with PKCE and a loopback callback)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs.options(timeoutOption), {
      examples: [
        ['$0 auth spotify', 'Open the Spotify login in the browser and store the login'],
        ['SPOTIFY_REFRESH_TOKEN=… $0 auth spotify', 'Only check a login given without a browser'],
      ],
      env: [...SPOTIFY_ENV, 'SPOTIFY_REDIRECT_URI', ...DATA_ENV],
    }),
  handler: withContext<LoginArgs>(async (ctx, args) => {
    const credentials = await ctx.get(TOKENS.CredentialStore);
    if (ctx.config.spotify.refreshToken !== null) {
      // Non-interactive login: the environment's refresh token is the login; only confirm it works.
      const status = await (await ctx.get(TOKENS.Spotify)).whoAmI();
      if (!status.loggedIn) throw await loginFailure('spotify', status.reason);
      ctx.output.result(
        {
          service: 'spotify',
          user: status.user.id,
          displayName: status.user.displayName,
          via: 'SPOTIFY_REFRESH_TOKEN',
        },
        (r) => `Spotify: SPOTIFY_REFRESH_TOKEN works for ${r.displayName ?? r.user}; nothing to store.`,
      );
      return;
    }
    const { loginToSpotify } = await import('../../connectors/spotify/spotify-login.js');
    const result = await loginToSpotify({
      config: ctx.config.spotify,
      http: await ctx.get(TOKENS.SpotifyHttp),
      credentials,
      openBrowser: await opener(ctx),
      log: (line) => ctx.output.warn(line),
      timeoutMs: args.timeout * 1000,
    });
    ctx.output.result(
      { service: 'spotify', user: result.userId, displayName: result.displayName, via: 'login' },
      (r) =>
        `Spotify: logged in as ${r.displayName ?? r.user}; the login is stored in ${ctx.config.credentialsFile} (mode 0600).`,
    );
  }),
};

const lastfmCommand: CommandModule<GlobalArgs, LoginArgs> = {
  command: 'lastfm',
  describe: 'Log in to Last.fm (approve Narada in the browser; the session key is stored)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs.options(timeoutOption), {
      examples: [['$0 auth lastfm', 'Approve Narada on Last.fm and store the session key']],
      env: [...LASTFM_ENV, ...DATA_ENV],
    }),
  handler: withContext<LoginArgs>(async (ctx, args) => {
    const { loginToLastfm } = await import('../../connectors/lastfm/lastfm-auth.js');
    const result = await loginToLastfm({
      config: ctx.config.lastfm,
      http: await ctx.get(TOKENS.LastfmHttp),
      credentials: await ctx.get(TOKENS.CredentialStore),
      openBrowser: await opener(ctx),
      log: (line) => ctx.output.warn(line),
      timeoutMs: args.timeout * 1000,
    });
    ctx.output.result(
      { service: 'lastfm', user: result.username },
      (r) => `Last.fm: connected as ${r.user}.`,
    );
  }),
};

const statusCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'status',
  describe: 'Show which accounts are connected (names only, never secrets)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [['$0 auth status', 'Which Spotify and Last.fm accounts Narada acts as']],
      env: [...SPOTIFY_ENV, ...LASTFM_ENV, 'MUSICBRAINZ_USER_AGENT', ...DATA_ENV],
    }),
  handler: withContext(async (ctx) => {
    const accounts: AccountStatus[] = [];
    if (ctx.config.spotify.clientId === null) {
      accounts.push({
        service: 'spotify',
        connected: false,
        account: null,
        detail: 'set SPOTIFY_CLIENT_ID, then run `narada auth spotify`',
      });
    } else {
      const who = await (await ctx.get(TOKENS.Spotify)).whoAmI();
      accounts.push(
        who.loggedIn
          ? {
              service: 'spotify',
              connected: true,
              account: who.user.displayName ?? who.user.id,
              detail: null,
            }
          : { service: 'spotify', connected: false, account: null, detail: who.reason },
      );
    }
    if (ctx.config.lastfm.apiKey === null || ctx.config.lastfm.apiSecret === null) {
      accounts.push({
        service: 'lastfm',
        connected: false,
        account: null,
        detail: 'set LASTFM_API_KEY and LASTFM_API_SECRET, then run `narada auth lastfm`',
      });
    } else {
      const who = await (await ctx.get(TOKENS.Lastfm)).whoAmI();
      accounts.push(
        who === null
          ? {
              service: 'lastfm',
              connected: false,
              account: null,
              detail: 'run `narada auth lastfm` (or set LASTFM_USERNAME to read only)',
            }
          : {
              service: 'lastfm',
              connected: true,
              account: who.username,
              detail: who.canWrite ? null : 'read only: run `narada auth lastfm` to love and scrobble',
            },
      );
    }
    accounts.push({
      service: 'musicbrainz',
      connected: true,
      account: null,
      detail: `as ${ctx.config.musicbrainz.userAgent}`,
    });
    const { renderAccounts } = await import('../views/auth-lines.js');
    ctx.output.result({ accounts }, (r) => renderAccounts(r.accounts));
  }),
};

export const authCommand = commandGroup<GlobalArgs>(
  'auth',
  'Log in to Spotify or Last.fm, or show who is connected',
  [spotifyCommand, lastfmCommand, statusCommand],
  {
    examples: [
      ['$0 auth spotify', 'Log in to Spotify in the browser'],
      ['$0 auth status', 'Which accounts are connected'],
    ],
    env: [...SPOTIFY_ENV, 'SPOTIFY_REDIRECT_URI', ...LASTFM_ENV, ...DATA_ENV],
  },
);

async function opener(ctx: CommandContext): Promise<((url: string) => void) | undefined> {
  const { browserOpener } = await import('../open-browser.js');
  return browserOpener(ctx.runtime.env, ctx.runtime.stderrIsTTY);
}

async function loginFailure(service: 'spotify', reason: string): Promise<Error> {
  const { AuthRequiredError } = await import('../../../application/ports/upstream-errors.js');
  return new AuthRequiredError(service, reason);
}

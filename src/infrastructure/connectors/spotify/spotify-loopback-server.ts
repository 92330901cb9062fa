// The one-shot HTTP server on the redirect URI's loopback address that receives Spotify's redirect
// after the user approves, checks `state` and hands over the authorisation code.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationError, NaradaError } from '../../../domain/shared/errors.js';

export interface LoopbackCallback {
  /** The redirect URI as registered, with the real port when the configured one was 0. */
  readonly redirectUri: string;
  /** Resolves with the code; rejects on a wrong `state`, a refusal, or after `timeoutMs`. */
  waitForCode(timeoutMs: number): Promise<string>;
  close(): Promise<void>;
}

const PAGE_STYLE = 'font-family:system-ui,sans-serif;margin:3rem';

type CallbackOutcome = { readonly code: string } | { readonly error: Error };

export async function startLoopbackCallback(
  redirectUri: string,
  expectedState: string,
): Promise<LoopbackCallback> {
  const target = parseRedirect(redirectUri);
  let settle: (outcome: CallbackOutcome) => void = () => undefined;
  const result = new Promise<string>((resolve, reject) => {
    let settled = false;
    settle = (outcome) => {
      if (settled) return;
      settled = true;
      if ('code' in outcome) resolve(outcome.code);
      else reject(outcome.error);
    };
  });
  // The answer may come before anyone waits for it; it is read by waitForCode.
  result.catch(() => undefined);
  const server = createServer((req, res) => handle(req, res, target.pathname, expectedState, settle));
  await listen(server, target.hostname, Number(target.port || 80), redirectUri);
  const actual = new URL(target);
  actual.port = String((server.address() as AddressInfo).port);

  return {
    redirectUri: target.port === '0' ? actual.toString() : redirectUri,
    async waitForCode(timeoutMs: number): Promise<string> {
      const timer = setTimeout(() => settle({ error: timeoutError(timeoutMs) }), timeoutMs);
      try {
        return await result;
      } finally {
        clearTimeout(timer);
      }
    },
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function timeoutError(timeoutMs: number): NaradaError {
  return new NaradaError(
    'SPOTIFY.AUTH_TIMEOUT',
    `No answer from the Spotify login page within ${Math.round(timeoutMs / 1000)} s; run \`narada auth spotify\` again and open the link it prints`,
  );
}

function handle(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  expectedState: string,
  finish: (outcome: CallbackOutcome) => void,
): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method !== 'GET' || url.pathname !== path) {
    reply(res, 404, 'Not the Narada login callback.');
    return;
  }
  const state = url.searchParams.get('state');
  const code = url.searchParams.get('code');
  const refused = url.searchParams.get('error');
  // A redirect without our state was not started by this login: refuse it (CSRF protection).
  if (state !== expectedState) {
    reply(res, 400, 'This login link is not the one Narada is waiting for. Run `narada auth spotify` again.');
    finish({
      error: new NaradaError(
        'SPOTIFY.AUTH_STATE_MISMATCH',
        'The Spotify login answer did not carry the state Narada sent, so it was refused; run `narada auth spotify` again and use the link it prints',
      ),
    });
    return;
  }
  if (refused !== null || code === null || code === '') {
    reply(res, 400, 'Spotify did not grant access. You can close this tab.');
    finish({
      error: new NaradaError(
        'SPOTIFY.AUTH_DECLINED',
        `Spotify did not grant access (${refused ?? 'no code'}); run \`narada auth spotify\` again and choose "Agree"`,
      ),
    });
    return;
  }
  reply(res, 200, 'Narada is connected to Spotify. You can close this tab.');
  finish({ code });
}

function reply(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
  res.end(`<!doctype html><title>Narada</title><body style="${PAGE_STYLE}"><p>${message}</p></body>`);
}

function parseRedirect(redirectUri: string): URL {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    throw badRedirect(redirectUri, 'it is not a URL');
  }
  if (url.protocol !== 'http:') throw badRedirect(redirectUri, 'the callback server speaks plain http');
  if (!['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname)) {
    throw badRedirect(redirectUri, 'it must point at this machine (127.0.0.1)');
  }
  return url;
}

function badRedirect(uri: string, reason: string): ConfigurationError {
  return new ConfigurationError(
    'SPOTIFY.BAD_REDIRECT_URI',
    `SPOTIFY_REDIRECT_URI "${uri}" cannot be used for login: ${reason}; use http://127.0.0.1:8888/callback and register it in your Spotify app`,
  );
}

function listen(server: Server, hostname: string, port: number, uri: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new ConfigurationError(
              'SPOTIFY.CALLBACK_PORT_BUSY',
              `Port ${port} for the login callback (${uri}) is in use; stop what uses it, or register another port in your Spotify app and set SPOTIFY_REDIRECT_URI`,
              { cause: error },
            )
          : error,
      ),
    );
    server.listen(port, hostname.replace(/^\[|\]$/g, ''), () => resolve());
  });
}

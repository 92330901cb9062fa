import { afterEach, describe, expect, it } from '@jest/globals';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import { LastfmApiClient } from '../../../src/infrastructure/connectors/lastfm/lastfm-api-client.js';
import { loginToLastfm } from '../../../src/infrastructure/connectors/lastfm/lastfm-auth.js';
import type { LastfmClientConfig } from '../../../src/infrastructure/connectors/lastfm/lastfm-transport.js';
import { startFakeLastfm, type FakeLastfm } from '../../fakes/lastfm/fake-lastfm.js';
import { InMemoryCredentialStore, lastfmHttp } from './lastfm-test-kit.js';

describe('loginToLastfm against the fake Last.fm', () => {
  let fake: FakeLastfm;
  afterEach(() => fake.close());

  const configFor = (overrides: Partial<LastfmClientConfig> = {}): LastfmClientConfig => ({
    apiUrl: fake.url,
    apiKey: fake.apiKey,
    apiSecret: fake.secret,
    username: null,
    sessionKey: null,
    ...overrides,
  });

  it('prints the approval page, polls until it is approved, and stores the session key and user', async () => {
    fake = await startFakeLastfm({ approvingUser: 'rj' });
    const credentials = new InMemoryCredentialStore();
    const lines: string[] = [];
    let approvalPage = '';
    let polls = 0;

    const result = await loginToLastfm({
      config: configFor(),
      http: lastfmHttp(new CallCounter()),
      credentials,
      log: (line) => lines.push(line),
      // The "browser" opens the page only after the first poll was refused, as a slow user would.
      openBrowser: (url) => void (approvalPage = url),
      sleep: async () => {
        polls += 1;
        if (polls === 2) expect((await fetch(approvalPage)).status).toBe(200);
      },
      pollIntervalMs: 10,
      timeoutMs: 60_000,
    });

    expect(result).toEqual({ username: 'rj' });
    expect(approvalPage).toMatch(
      new RegExp(`^${fake.origin}/api/auth/\\?api_key=${fake.apiKey}&token=[0-9a-f]{32}$`),
    );
    expect(lines.join('\n')).toContain(approvalPage);
    expect(fake.calls('auth.getSession').map((c) => c.status)).toEqual([403, 200]);
    const stored = (await credentials.read()).lastfm;
    expect(stored?.username).toBe('rj');
    expect(fake.state.sessions.get(stored!.sessionKey)).toBe('rj');

    const client = new LastfmApiClient({
      config: configFor(),
      http: lastfmHttp(new CallCounter()),
      credentials,
    });
    expect(await client.whoAmI()).toEqual({ username: 'rj', canWrite: true });
    await client.love({ artist: 'Radiohead', title: 'Reckoner' });
    expect(fake.state.isLoved('rj', 'Radiohead', 'Reckoner')).toBe(true);
  });

  it('fails on a wrong API secret with the signature error and stores nothing', async () => {
    fake = await startFakeLastfm();
    const credentials = new InMemoryCredentialStore();
    const login = loginToLastfm({
      config: configFor({ apiSecret: 'wrong-secret' }),
      http: lastfmHttp(new CallCounter()),
      credentials,
      log: () => {},
      sleep: async () => {},
    });
    await expect(login).rejects.toMatchObject({ code: 'LASTFM.BAD_SIGNATURE' });
    expect(await credentials.read()).toEqual({});
  });

  it('stops with a clear message when the page is not approved in time', async () => {
    fake = await startFakeLastfm();
    let clock = 0;
    const login = loginToLastfm({
      config: configFor(),
      http: lastfmHttp(new CallCounter()),
      credentials: new InMemoryCredentialStore(),
      log: () => {},
      sleep: async (ms) => void (clock += ms),
      now: () => clock,
      pollIntervalMs: 1000,
      timeoutMs: 5000,
    });
    await expect(login).rejects.toMatchObject({ code: 'LASTFM.LOGIN_TIMEOUT', category: 'config' });
    expect(fake.calls('auth.getSession')).toHaveLength(5);
  });

  it('needs no browser with LASTFM_SESSION_KEY: it checks the key and names its user', async () => {
    fake = await startFakeLastfm();
    const sessionKey = fake.createSession('env-user');
    const credentials = new InMemoryCredentialStore();
    const lines: string[] = [];

    const result = await loginToLastfm({
      config: configFor({ sessionKey }),
      http: lastfmHttp(new CallCounter()),
      credentials,
      log: (line) => lines.push(line),
      openBrowser: () => {
        throw new Error('no browser expected');
      },
    });

    expect(result).toEqual({ username: 'env-user' });
    expect(fake.calls('auth.getToken')).toHaveLength(0);
    expect(lines.join('\n')).not.toContain(sessionKey);
  });

  it('rejects an invalid LASTFM_SESSION_KEY as a login to redo', async () => {
    fake = await startFakeLastfm();
    const login = loginToLastfm({
      config: configFor({ sessionKey: 'stale-key' }),
      http: lastfmHttp(new CallCounter()),
      credentials: new InMemoryCredentialStore(),
      log: () => {},
    });
    await expect(login).rejects.toMatchObject({ code: 'LASTFM.AUTH_REQUIRED' });
  });
});

describe('LastfmApiClient.whoAmI', () => {
  it('names the configured user, or the stored one, and says whether writes are possible', async () => {
    const base = {
      apiUrl: 'http://127.0.0.1:9/2.0/',
      apiKey: 'k',
      apiSecret: 's',
      http: lastfmHttp(new CallCounter()),
    };
    const configured = new LastfmApiClient({
      config: { ...base, username: 'from-env', sessionKey: null },
      http: base.http,
    });
    expect(await configured.whoAmI()).toEqual({ username: 'from-env', canWrite: false });

    const stored = new LastfmApiClient({
      config: { ...base, username: null },
      http: base.http,
      credentials: new InMemoryCredentialStore({ lastfm: { username: 'stored-user', sessionKey: 'sk' } }),
    });
    expect(await stored.whoAmI()).toEqual({ username: 'stored-user', canWrite: true });

    const nobody = new LastfmApiClient({ config: { ...base, username: null }, http: base.http });
    expect(await nobody.whoAmI()).toBeNull();
  });
});

// The command line's own behaviour, run as a user would: one stderr line per error with exit 2 for
// what the user can fix, a subcommand list for a bare group, help with examples and environment,
// completion and -V, and a malformed .env that is reported without its (possibly secret) text.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, runNarada, tempDir, type CliResult } from '../cli-harness.js';

const home = tempDir();
afterAll(() => home.remove());
const env = () => cleanEnv(home.path);

/** Exit 2 and exactly one line on stderr: `narada: <message>`, no stack trace. */
function expectOneUserError(result: CliResult): string {
  expect({ code: result.code, lines: result.stderr.trimEnd().split('\n') }).toEqual({
    code: 2,
    lines: [expect.stringMatching(/^narada: /)],
  });
  return result.stderr.trim();
}

describe('errors a user can fix', () => {
  it('names the Spotify variables and `narada auth spotify` when there is no login', async () => {
    const line = expectOneUserError(await runNarada(['playlist', 'backup', 'abc'], { env: env() }));
    expect(line).toContain('SPOTIFY_CLIENT_ID');
    expect(line).toContain('SPOTIFY_REFRESH_TOKEN');
    expect(line).toContain('`narada auth spotify`');
  });

  it('names LASTFM_USERNAME and `narada auth lastfm` when no Last.fm user is known', async () => {
    const line = expectOneUserError(await runNarada(['likes', 'import', 'lastfm'], { env: env() }));
    expect(line).toContain('LASTFM_USERNAME');
    expect(line).toContain('`narada auth lastfm`');
  });

  it('says which --svg path cannot be written and why, instead of an unexpected error', async () => {
    const line = expectOneUserError(
      await runNarada(['stats', 'eras', '--year', '2025', '--svg', '/nonexistent/x.svg'], { env: env() }),
    );
    expect(line).toBe('narada: cannot write /nonexistent/x.svg: the folder does not exist');
  });

  it('says the same of --html under a file, and in the --json error', async () => {
    const file = join(home.path, 'a-file');
    writeFileSync(file, 'x');
    const result = await runNarada(
      ['stats', 'eras', '--year', '2025', '--html', `${file}/x.html`, '--json'],
      {
        env: env(),
      },
    );
    expectOneUserError(result);
    expect(result.json()).toEqual({
      ok: false,
      error: {
        code: 'FILE.CANNOT_WRITE',
        message: `cannot write ${file}/x.html: a part of the path is a file, not a folder`,
      },
    });
  });

  it('refuses a folder where a file of pairs is expected, instead of an unexpected error', async () => {
    const line = expectOneUserError(await runNarada(['tracks', 'compare', home.path], { env: env() }));
    expect(line).toBe(
      `narada: Cannot read ${home.path} (a folder); give the path of a JSON-lines file of pairs`,
    );
  });
});

describe('a command group without its subcommand', () => {
  it('lists the subcommands with their descriptions on stdout and exits 2 with one error line', async () => {
    const result = await runNarada(['workflow'], { env: env() });
    const line = expectOneUserError(result);
    expect(line).toBe(
      "narada: `narada workflow` needs a subcommand: run, validate, list, nodes, runs. Run `narada workflow <subcommand> --help` for one's options.",
    );
    expect(line).not.toContain('Not enough non-option arguments');
    expect(result.stdout).toMatch(/narada workflow run <workflow>\s+Run a workflow file/);
    expect(result.stdout).toMatch(/narada workflow runs \[id\]\s+List past workflow runs/);
  });

  it('does the same for every group, nested ones too', async () => {
    for (const [group, first] of [
      [['playlist'], 'backup'],
      [['history', 'import'], 'lastfm'],
      [['tracks'], 'resolve'],
      [[], 'status'],
    ] as const) {
      const result = await runNarada(group, { env: env() });
      expect(expectOneUserError(result)).toContain(`needs a`);
      expect(result.stdout).toContain(`narada ${[...group, first].join(' ')}`);
    }
  });
});

describe('help, completion and version', () => {
  const COMMANDS: ReadonlyArray<readonly [string, readonly string[]]> = [
    ['status', ['NARADA_HOME', 'DATABASE_URL']],
    ['db migrate', ['NARADA_HOME', 'DATABASE_URL']],
    ['auth spotify', ['SPOTIFY_CLIENT_ID', 'SPOTIFY_REDIRECT_URI', 'SPOTIFY_REFRESH_TOKEN']],
    ['auth lastfm', ['LASTFM_API_KEY', 'LASTFM_API_SECRET', 'LASTFM_SESSION_KEY']],
    ['auth status', ['SPOTIFY_CLIENT_ID', 'LASTFM_API_KEY']],
    ['history import lastfm', ['LASTFM_API_KEY', 'LASTFM_USERNAME', 'NARADA_HOME']],
    ['history import spotify', ['LASTFM_USERNAME', 'NARADA_HOME']],
    ['history backfill lastfm', ['LASTFM_SESSION_KEY', 'NARADA_HOME']],
    ['stats eras', ['MUSICBRAINZ_USER_AGENT', 'NARADA_HOME']],
    ['stats top', ['NARADA_HOME']],
    ['playlist backup', ['SPOTIFY_CLIENT_ID', 'SPOTIFY_REFRESH_TOKEN', 'NARADA_HOME']],
    ['playlist restore', ['SPOTIFY_CLIENT_ID', 'MUSICBRAINZ_USER_AGENT']],
    ['playlist list', ['SPOTIFY_CLIENT_ID', 'NARADA_HOME']],
    ['likes import', ['SPOTIFY_CLIENT_ID', 'LASTFM_API_KEY']],
    ['likes sync', ['SPOTIFY_CLIENT_ID', 'LASTFM_SESSION_KEY', 'MUSICBRAINZ_USER_AGENT']],
    ['workflow run', ['SPOTIFY_CLIENT_ID', 'LASTFM_API_KEY', 'NARADA_HOME']],
    ['workflow validate', ['NARADA_HOME']],
    ['workflow list', ['NARADA_HOME']],
    ['workflow nodes', []],
    ['workflow runs', ['NARADA_HOME', 'DATABASE_URL']],
    ['tracks resolve', ['MUSICBRAINZ_USER_AGENT', 'NARADA_HOME']],
    ['tracks show', ['NARADA_HOME', 'DATABASE_URL']],
    ['tracks review', ['NARADA_HOME']],
    ['tracks pin', ['NARADA_HOME']],
    ['tracks merge', ['NARADA_HOME']],
    ['tracks unmerge', ['NARADA_HOME']],
    ['tracks compare', ['NARADA_HOME']],
  ];

  it.each(COMMANDS)(
    '`narada %s --help` shows examples and the environment it reads',
    async (command, vars) => {
      const result = await runNarada([...command.split(' '), '--help'], { env: env() });
      expect(result.code).toBe(0);
      const examples = result.stdout.split('\nExamples:\n')[1] ?? '';
      expect(examples).toMatch(new RegExp(`^ {2}narada ${command.split(' ')[0]}`));
      const environment = result.stdout.split('\nEnvironment')[1] ?? '';
      for (const name of vars) expect(environment).toMatch(new RegExp(`\\n {2}${name} +\\S`));
    },
  );

  it('shows examples and the environment in `narada --help` and in every group', async () => {
    for (const group of [[], ['auth'], ['playlist'], ['workflow'], ['history'], ['stats']]) {
      const result = await runNarada([...group, '--help'], { env: env() });
      expect(result.stdout).toContain('\nExamples:\n');
      expect(result.stdout).toContain('\nEnvironment');
    }
  });

  it('prints a completion script that asks narada for the commands, which it gives', async () => {
    const script = await runNarada(['completion'], { env: env() });
    expect(script.code).toBe(0);
    expect(script.stdout).toContain('complete -o bashdefault -o default -F _narada_yargs_completions narada');
    expect(script.stdout).toContain('narada --get-yargs-completions');
    const top = await runNarada(['--get-yargs-completions', 'narada', ''], { env: env() });
    expect(top.stdout.split('\n')).toEqual(
      expect.arrayContaining(['status', 'playlist', 'workflow', 'tracks']),
    );
    const sub = await runNarada(['--get-yargs-completions', 'narada', 'playlist', ''], { env: env() });
    expect(sub.stdout.trim().split('\n')).toEqual(['backup', 'restore', 'list', 'export']);
  });

  it('prints a zsh script when SHELL is zsh', async () => {
    const script = await runNarada(['completion'], { env: cleanEnv(home.path, { SHELL: '/bin/zsh' }) });
    expect(script.stdout.startsWith('#compdef narada')).toBe(true);
  });

  it('prints the version with -V', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const result = await runNarada(['-V'], { env: env() });
    expect({ code: result.code, stdout: result.stdout.trim() }).toEqual({ code: 0, stdout: pkg.version });
  });
});

describe('a malformed .env', () => {
  const secret = 'sk-live-9f8e7d6c5b4a39281706';
  const cwd = join(home.path, 'project');
  mkdirSync(cwd, { recursive: true });
  writeFileSync(join(cwd, '.env'), `LASTFM_USERNAME=ann\nSPOTIFY_CLIENT_SECRET ${secret}\n`);

  it.each([[['status']], [['status', '--json']]])(
    'is named by file and line without its text (narada %j)',
    async (args) => {
      const result = await runNarada(args, { env: env(), cwd });
      const line = expectOneUserError(result);
      expect(line).toContain(`${join(cwd, '.env')} line 2`);
      expect(result.stdout).not.toContain(secret);
      expect(result.stderr).not.toContain(secret);
      expect(result.stdout).not.toContain('sk-live');
      expect(result.stderr).not.toContain('sk-live');
    },
  );
});

// `narada schedule install`: a systemd user service and timer, or a crontab line, that call
// `narada schedule run-due` with absolute paths and the data folder. HOME and XDG_CONFIG_HOME point
// at a temp folder; cron is a stand-in `crontab` program on PATH that keeps the table in a file.
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { onPostgres, schemaUrlFor } from '../../integration/persistence/postgres-test-database.js';
import { cleanEnv, expectSuccess, NARADA_BIN, runNarada, tempDir } from '../cli-harness.js';

interface InstallJson {
  readonly kind: string;
  readonly dryRun: boolean;
  readonly files: { path: string; content: string }[];
  readonly cronLine: string | null;
  readonly installed: boolean;
  readonly notes: string[];
}

describe('narada schedule install', () => {
  const temp = tempDir('narada-schedule-install-');
  afterAll(() => temp.remove());
  let n = 0;

  /** A fresh HOME (with NARADA_HOME inside it) and a folder for programs on PATH. */
  function machine(extra: Record<string, string> = {}) {
    const home = join(temp.path, `home-${++n}`);
    const bin = join(home, 'bin');
    mkdirSync(bin, { recursive: true });
    const narada = join(home, 'narada-data');
    const env = { ...cleanEnv(home, { NARADA_HOME: narada, ...extra }), PATH: bin };
    return {
      home,
      bin,
      narada,
      run: (args: readonly string[]) => runNarada(['schedule', 'install', ...args], { env, cwd: home }),
    };
  }

  function fakeCrontab(bin: string, table: string): void {
    const script = join(bin, 'crontab');
    writeFileSync(
      script,
      [
        '#!/bin/sh',
        'PATH=/usr/bin:/bin',
        `if [ "$1" = "-l" ]; then [ -f '${table}' ] || { echo "no crontab for you" >&2; exit 1; }; cat '${table}'; exit 0; fi`,
        `if [ "$1" = "-" ]; then cat > '${table}'; exit 0; fi`,
        'exit 2',
        '',
      ].join('\n'),
    );
    chmodSync(script, 0o755);
  }

  it('--systemd --dry-run prints the service and the timer and writes nothing', async () => {
    const box = machine();
    const result = await box.run(['--systemd', '--dry-run', '--json']);
    expectSuccess(result);
    const plan = result.json<InstallJson>();
    expect(plan).toMatchObject({ kind: 'systemd', dryRun: true, installed: false });
    expect(plan.files.map((f) => f.path)).toEqual([
      join(box.home, '.config/systemd/user/narada-schedules.service'),
      join(box.home, '.config/systemd/user/narada-schedules.timer'),
    ]);
    expect(existsSync(join(box.home, '.config'))).toBe(false);
    const human = await box.run(['--systemd', '--dry-run']);
    expect(human.stdout).toContain('Would write');
    expect(human.stdout).toContain('Dry run: nothing was written.');
    expect(existsSync(join(box.home, '.config'))).toBe(false);
  });

  it('--systemd writes a user service calling run-due with absolute paths and NARADA_HOME/DATABASE_URL, and its timer', async () => {
    const database = join(temp.path, 'elsewhere', 'narada.db');
    const box = machine({
      XDG_CONFIG_HOME: join(temp.path, 'xdg-config'),
      DATABASE_URL: `sqlite:${database}`,
    });
    const result = await box.run(['--systemd', '--every', '30m']);
    expectSuccess(result);
    expect(result.stdout).toContain('systemctl --user enable --now narada-schedules.timer');
    const dir = join(temp.path, 'xdg-config', 'systemd', 'user');
    expect(readdirSync(dir).sort()).toEqual(['narada-schedules.service', 'narada-schedules.timer']);
    const service = readFileSync(join(dir, 'narada-schedules.service'), 'utf8');
    expect(service).toContain(`ExecStart=${process.execPath} ${NARADA_BIN} schedule run-due --no-progress`);
    expect(service).toContain(`Environment=NARADA_HOME=${box.narada}`);
    expect(service).toContain(`Environment=DATABASE_URL=sqlite:${database}`);
    expect(service).toContain(`WorkingDirectory=${box.home}`);
    expect(service).toContain('Type=oneshot');
    const timer = readFileSync(join(dir, 'narada-schedules.timer'), 'utf8');
    expect(timer).toContain('OnUnitActiveSec=30m');
    expect(timer).toContain('Unit=narada-schedules.service');
    expect(timer).toContain('WantedBy=timers.target');
    expect(statSync(join(dir, 'narada-schedules.service')).mode & 0o777).toBe(0o600);
  });

  it('--cron installs its line through crontab, keeping the lines there and replacing its own on a second install', async () => {
    const box = machine();
    const table = join(box.home, 'crontab.txt');
    fakeCrontab(box.bin, table);
    writeFileSync(table, '0 3 * * * /usr/bin/backup\n');

    const first = await box.run(['--cron', '--json']);
    expectSuccess(first);
    expect(first.json<InstallJson>()).toMatchObject({ kind: 'cron', installed: true });
    const again = await box.run(['--cron', '--every', '1h']);
    expectSuccess(again);
    expect(again.stdout).toContain('Installed in your crontab:');

    // In the PostgreSQL run the harness gives the home a DATABASE_URL, which the line carries (quoted,
    // with cron's % escaped).
    const url = onPostgres ? await schemaUrlFor(box.narada) : null;
    const carried = url === null ? '' : ` DATABASE_URL='${url.replace(/%/g, '\\%')}'`;
    const lines = readFileSync(table, 'utf8').trimEnd().split('\n');
    expect(lines).toEqual([
      '0 3 * * * /usr/bin/backup',
      `0 * * * * cd ${box.home} && NARADA_HOME=${box.narada}${carried} ${process.execPath} ${NARADA_BIN} schedule run-due --no-progress >> ${join(box.narada, 'logs', 'schedule-run-due.log')} 2>&1 # narada-schedules`,
    ]);
  });

  it('--cron without a crontab program prints the line to paste; --dry-run writes nothing', async () => {
    const box = machine();
    const result = await box.run(['--cron', '--every', '15m']);
    expectSuccess(result);
    expect(result.stdout).toContain('*/15 * * * * cd ');
    expect(result.stdout).toContain(
      'No `crontab` program was found: add the line above to your crontab yourself',
    );

    const table = join(box.home, 'crontab.txt');
    fakeCrontab(box.bin, table);
    const dry = await box.run(['--cron', '--dry-run']);
    expectSuccess(dry);
    expect(dry.stdout).toContain('Would install this crontab line:');
    expect(existsSync(table)).toBe(false);
  });

  it('leaves the crontab alone when it cannot be read, and says what to add', async () => {
    const box = machine();
    const script = join(box.bin, 'crontab');
    writeFileSync(
      script,
      '#!/bin/sh\nif [ "$1" = "-l" ]; then echo "permission denied" >&2; exit 1; fi\nexit 3\n',
    );
    chmodSync(script, 0o755);
    const result = await box.run(['--cron']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '`crontab -l` failed (permission denied), so your crontab was left as it is',
    );
  });

  it.each([
    ['add', ['NARADA_HOME', 'DATABASE_URL']],
    ['list', ['NARADA_HOME']],
    ['remove', ['NARADA_HOME']],
    ['run-due', ['NARADA_HOME', 'SPOTIFY_CLIENT_ID', 'LASTFM_API_KEY']],
    ['install', ['NARADA_HOME', 'DATABASE_URL']],
  ] as const)(
    '`narada schedule %s --help` shows examples and the environment it reads',
    async (command, vars) => {
      const result = await runNarada(['schedule', command, '--help'], { env: cleanEnv(temp.path) });
      expect(result.code).toBe(0);
      expect(result.stdout.split('\nExamples:\n')[1]).toMatch(/^ {2}narada schedule /);
      const environment = result.stdout.split('\nEnvironment')[1] ?? '';
      for (const name of vars) expect(environment).toMatch(new RegExp(`\\n {2}${name} +\\S`));
    },
  );

  it('refuses an interval cron cannot express, and both kinds at once, with exit 2', async () => {
    const box = machine();
    const odd = await box.run(['--cron', '--every', '45m', '--dry-run']);
    expect(odd.code).toBe(2);
    expect(odd.stderr).toContain('--every 45m cannot be written as a crontab line');
    const both = await box.run(['--cron', '--systemd', '--dry-run']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Choose one of --systemd or --cron');
  });
});

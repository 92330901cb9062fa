// What `schedule install --dry-run` would write, for paths a shell or systemd would misread: spaces,
// quotes, `%` (a newline to cron, a specifier to systemd), and a DATABASE_URL that holds a password.
import { describe, expect, it } from '@jest/globals';
import { installTimer, type InstallRequest } from '../../../src/infrastructure/schedules/timer-install.js';

const request = (overrides: Partial<InstallRequest> = {}): InstallRequest => ({
  kind: 'systemd',
  dryRun: true,
  env: {},
  nodePath: '/opt/node 20/bin/node',
  cliPath: "/home/ann/it's narada/dist/src/infrastructure/cli/main.js",
  workingDir: '/home/ann/100% music',
  naradaHome: '/home/ann/.local/share/narada',
  everyMs: 90 * 60_000,
  configHome: '/home/ann/.config',
  logDir: '/home/ann/.local/share/narada/logs',
  ...overrides,
});

describe('schedule install', () => {
  it('quotes systemd values with spaces and doubles % so systemd reads them as written', () => {
    const result = installTimer(request());
    const [service, timer] = result.files;
    expect(service?.path).toBe('/home/ann/.config/systemd/user/narada-schedules.service');
    expect(service?.content).toContain('WorkingDirectory="/home/ann/100%% music"');
    expect(service?.content).toContain(
      `ExecStart="/opt/node 20/bin/node" "/home/ann/it's narada/dist/src/infrastructure/cli/main.js" schedule run-due --no-progress`,
    );
    expect(timer?.content).toContain('OnUnitActiveSec=1h 30m');
    expect(result).toMatchObject({ kind: 'systemd', dryRun: true, installed: false });
  });

  it('quotes the crontab line for the shell and escapes % for cron', () => {
    const result = installTimer(request({ kind: 'cron', everyMs: 30 * 60_000 }));
    expect(result.cronLine).toBe(
      `*/30 * * * * cd '/home/ann/100\\% music' && NARADA_HOME=/home/ann/.local/share/narada ` +
        `'/opt/node 20/bin/node' '/home/ann/it'\\''s narada/dist/src/infrastructure/cli/main.js' ` +
        `schedule run-due --no-progress >> /home/ann/.local/share/narada/logs/schedule-run-due.log 2>&1 # narada-schedules`,
    );
  });

  it('carries DATABASE_URL, but not one that holds a password, which it says to put in NARADA_HOME/.env', () => {
    const plain = installTimer(request({ env: { DATABASE_URL: 'sqlite:/data/narada.db' } }));
    expect(plain.files[0]?.content).toContain('Environment=DATABASE_URL=sqlite:/data/narada.db');
    const secret = installTimer(request({ env: { DATABASE_URL: 'postgres://ann:s3cret@db.local/narada' } }));
    expect(secret.files[0]?.content).not.toContain('s3cret');
    expect(secret.notes).toEqual([expect.stringContaining('DATABASE_URL holds a password')]);
  });

  it('refuses an interval cron cannot express', () => {
    expect(() => installTimer(request({ kind: 'cron', everyMs: 45 * 60_000 }))).toThrow(
      '--every 45m cannot be written as a crontab line',
    );
  });
});

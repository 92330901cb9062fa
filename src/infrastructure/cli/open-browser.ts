// Opens a login page in the user's browser where there is one; the printed URL is always the fallback.
import { spawn } from 'node:child_process';

export function browserOpener(
  env: Readonly<Record<string, string | undefined>>,
  interactive: boolean,
): ((url: string) => void) | undefined {
  if (!interactive) return undefined;
  const command =
    process.platform === 'darwin'
      ? 'open'
      : process.platform === 'win32'
        ? 'explorer'
        : env.DISPLAY || env.WAYLAND_DISPLAY
          ? 'xdg-open'
          : null;
  if (command === null) return undefined;
  return (url) => {
    try {
      const child = spawn(command, [url], { stdio: 'ignore', detached: true });
      child.on('error', () => undefined);
      child.unref();
    } catch {
      // No browser: the URL printed above is enough.
    }
  };
}

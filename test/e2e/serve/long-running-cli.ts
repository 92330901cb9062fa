// A long-running built CLI (`narada serve`, `narada worker`) as a user starts it: a subprocess that
// prints one JSON document once it is up (its URL, or that it is working) and runs until a signal.
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { NARADA_BIN, withDatabase } from '../cli-harness.js';

export interface Running {
  readonly child: ChildProcess;
  /** The JSON document it printed when it was up. */
  readonly output: Record<string, unknown>;
  /** `output.url`, for a server. */
  readonly url: string;
  readonly exited: Promise<number | null>;
  stderr(): string;
}

/**
 * Starts `narada <args> --json` with the home's database of this run (PostgreSQL in the
 * test:postgres run) and resolves once it has printed its JSON document; rejects if it exits first.
 */
export async function startNarada(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  cwd = tmpdir(),
): Promise<Running> {
  const child = spawn(process.execPath, [NARADA_BIN, ...args, '--json'], {
    env: await withDatabase(env),
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = await new Promise<Record<string, unknown>>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      let document: Record<string, unknown>;
      try {
        document = JSON.parse(stdout) as Record<string, unknown>;
      } catch {
        return; // Not the whole document yet.
      }
      if ('error' in document) reject(new Error(`narada ${args.join(' ')}: ${stdout}`));
      else resolve(document);
    });
    void exited.then((code) => reject(new Error(`narada ${args.join(' ')} exited ${code}: ${stderr}`)));
  });
  return { child, output, url: String(output['url'] ?? ''), exited, stderr: () => stderr };
}

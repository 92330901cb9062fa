#!/usr/bin/env node
// Narada's entry point: the one place that maps errors to exit codes and ends the process.
import { useRuntime } from './command.js';
import { buildCli } from './app.js';
import { describeFailure, EXIT_OK } from './exit-codes.js';
import { MissingSubcommandError } from './help.js';
import { limitHeapGrowth } from '../runtime/heap-growth.js';

limitHeapGrowth();

async function main(argv: readonly string[]): Promise<number> {
  useRuntime({
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  });
  const json = argv.includes('--json');
  try {
    await buildCli(argv).parseAsync();
    return EXIT_OK;
  } catch (error) {
    const failure = describeFailure(error);
    // The subcommands, as help is shown: on stdout; the one error line stays on stderr.
    if (error instanceof MissingSubcommandError && !json) process.stdout.write(`${error.listing}\n`);
    process.stderr.write(`narada: ${failure.message}\n`);
    if (argv.includes('--verbose') && error instanceof Error && error.stack)
      process.stderr.write(`${error.stack}\n`);
    if (json && !failure.reported)
      process.stdout.write(
        `${JSON.stringify({ ok: false, error: { code: failure.code, message: failure.message } })}\n`,
      );
    return failure.exitCode;
  }
}

const code = await main(process.argv.slice(2));
// Let pending writes flush, then end: open handles (sockets, timers) must not keep a finished command alive.
process.stdout.write('', () => process.exit(code));

// How a command module runs its handler: with a fresh context that is always closed, so the
// database and the progress view are released whatever happens.
import type { ArgumentsCamelCase } from 'yargs';
import type { CommandContext, CliRuntime } from './context.js';
import type { GlobalArgs } from './global-options.js';

let runtime: CliRuntime | null = null;

/** Set once by the entry point (or a test) before parsing. */
export function useRuntime(next: CliRuntime): void {
  runtime = next;
}

export function withContext<A>(
  handler: (ctx: CommandContext, args: ArgumentsCamelCase<A & GlobalArgs>) => Promise<void>,
): (args: ArgumentsCamelCase<A & GlobalArgs>) => Promise<void> {
  return async (args) => {
    if (runtime === null) throw new Error('CLI runtime not set');
    // Loaded here, not at the top: `narada --help` never needs configuration, logging or progress.
    const { CommandContext } = await import('./context.js');
    const ctx = CommandContext.create(args, runtime);
    try {
      ctx.logger.info('command start', { command: args._.join(' ') });
      await handler(ctx, args);
      ctx.logger.info('command done');
    } catch (error) {
      // The log file only: main.ts shows the failure as its one line on stderr.
      ctx.logger.record('error', 'command failed', {
        error:
          error instanceof Error
            ? { name: error.name, message: error.message, stack: error.stack }
            : String(error),
      });
      throw error;
    } finally {
      await ctx.close();
    }
  };
}

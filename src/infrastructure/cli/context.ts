// Everything a command handler needs, built once per invocation: configuration, output, the log,
// progress, and `get(token)` for its use cases (the wiring is loaded on the first call, so light
// commands never load the adapters or open the database).
import type { Logger } from '../../application/ports/logger.port.js';
import { SILENT_PROGRESS, type ProgressReporter } from '../../application/ports/progress.port.js';
import { configSecrets, loadConfig, type NaradaConfig } from '../config/config.js';
import { JsonLinesLogger } from '../logging/json-lines-logger.js';
import { Redactor } from '../logging/redact.js';
import type { AppContainer } from '../di/container.js';
import type { Token } from '../di/tokens.js';
import type { GlobalArgs } from './global-options.js';
import { CliOutput, type OutputStreams } from './output.js';
import { PlainProgressReporter } from './views/plain-progress.js';

export interface CliRuntime extends OutputStreams {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdinIsTTY: boolean;
  readonly stderrIsTTY: boolean;
}

export class CommandContext {
  readonly output: CliOutput;
  readonly logger: JsonLinesLogger;
  readonly redactor: Redactor;
  private container: AppContainer | null = null;
  private progressReporter: ProgressReporter | null = null;
  private readonly cleanups: Array<() => Promise<void> | void> = [];

  constructor(
    readonly args: GlobalArgs,
    readonly config: NaradaConfig,
    readonly runtime: CliRuntime,
  ) {
    this.output = new CliOutput(args, runtime);
    this.redactor = new Redactor(configSecrets(config));
    this.logger = new JsonLinesLogger({
      dir: config.logDir,
      redactor: this.redactor,
      verbose: args.verbose,
      echo: args.quiet ? undefined : (line) => runtime.stderr.write(`${line}\n`),
    });
  }

  static create(args: GlobalArgs, runtime: CliRuntime): CommandContext {
    return new CommandContext(args, loadConfig({ env: runtime.env, cwd: runtime.cwd }), runtime);
  }

  get log(): Logger {
    return this.logger;
  }

  /** The use case or adapter `token` names, e.g. `await ctx.get(TRACKS.ResolveTracks)`. */
  async get<T>(token: Token<T>): Promise<T> {
    return (await this.wiring()).get(token);
  }

  /** The composition root; the first call loads and wires it (the database opens on first use). */
  private async wiring(): Promise<AppContainer> {
    if (this.container === null) {
      const { createAppContainer } = await import('../di/container.js');
      const container = createAppContainer({
        config: this.config,
        logger: this.logger,
        progress: () => this.progress(),
        // With --verbose the log's own echo already shows the line.
        notice: (line) => {
          if (!this.args.verbose) this.output.note(line);
        },
      });
      this.container = container;
      this.onClose(() => container.close());
    }
    return this.container;
  }

  /** An ink bar on a terminal; plain lines in scripts or with --no-progress; nothing with --quiet. */
  async progress(): Promise<ProgressReporter> {
    if (this.progressReporter !== null) return this.progressReporter;
    const { args, runtime } = this;
    if (args.quiet) {
      this.progressReporter = SILENT_PROGRESS;
    } else if (args.progress && runtime.stderrIsTTY && !args.json) {
      const { InkProgressReporter } = await import('./views/ink-progress.js');
      const reporter = new InkProgressReporter(runtime.stderr);
      this.onClose(() => reporter.stop());
      this.progressReporter = reporter;
    } else {
      this.progressReporter = new PlainProgressReporter((line) => runtime.stderr.write(`${line}\n`));
    }
    return this.progressReporter;
  }

  onClose(cleanup: () => Promise<void> | void): void {
    this.cleanups.push(cleanup);
  }

  async close(): Promise<void> {
    for (const cleanup of this.cleanups.reverse()) await cleanup();
    this.cleanups.length = 0;
    this.logger.close();
  }
}

// What a command prints: the result on stdout (human lines, or one JSON document with --json),
// notes and progress on stderr.
import type { GlobalArgs } from './global-options.js';

export interface OutputStreams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export class CliOutput {
  constructor(
    private readonly args: Pick<GlobalArgs, 'json' | 'quiet'>,
    private readonly streams: OutputStreams,
  ) {}

  get json(): boolean {
    return this.args.json;
  }

  /** The command's result: `data` as JSON with --json, else the lines `human` renders. */
  result<T>(data: T, human: (data: T) => string | readonly string[]): void {
    if (this.args.json) {
      this.streams.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      return;
    }
    const text = human(data);
    const lines = typeof text === 'string' ? [text] : text;
    if (lines.length > 0) this.streams.stdout.write(`${lines.join('\n')}\n`);
  }

  /** A note for the person at the terminal (stderr, so stdout stays the result). */
  note(line: string): void {
    if (!this.args.quiet) this.streams.stderr.write(`${line}\n`);
  }

  /** Always shown, even with --quiet. */
  warn(line: string): void {
    this.streams.stderr.write(`${line}\n`);
  }
}

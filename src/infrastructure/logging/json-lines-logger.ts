// The log file: one JSON object per line in NARADA_HOME/logs/narada-YYYY-MM-DD.jsonl, secrets redacted.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { LogFields, Logger, LogLevel } from '../../application/ports/logger.port.js';
import { keepPrivate, PRIVATE_FILE, PRIVATE_FOLDER } from '../files/private-files.js';
import type { Redactor } from './redact.js';

export interface JsonLinesLoggerOptions {
  readonly dir: string;
  readonly redactor: Redactor;
  /** Also echo warnings and errors (and with verbose, everything) to this sink, e.g. stderr. */
  readonly echo?: (line: string) => void;
  readonly verbose?: boolean;
  readonly now?: () => number;
}

export class JsonLinesLogger implements Logger {
  private fd: number | null = null;

  constructor(private readonly options: JsonLinesLoggerOptions) {}

  debug(message: string, fields?: LogFields): void {
    this.write('debug', message, fields);
  }
  info(message: string, fields?: LogFields): void {
    this.write('info', message, fields);
  }
  warn(message: string, fields?: LogFields): void {
    this.write('warn', message, fields);
  }
  error(message: string, fields?: LogFields): void {
    this.write('error', message, fields);
  }

  record(level: LogLevel, message: string, fields?: LogFields): void {
    this.write(level, message, fields, false);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private write(level: LogLevel, message: string, fields: LogFields = {}, echo = true): void {
    const at = new Date((this.options.now ?? Date.now)());
    const { redactor } = this.options;
    const entry = {
      at: at.toISOString(),
      level,
      message: redactor.text(message),
      ...(redactor.value(fields) as object),
    };
    try {
      this.fd ??= this.open(at);
      writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    } catch {
      // A log that cannot be written must not stop the user's job.
    }
    if (echo && this.options.echo && (this.options.verbose || level === 'warn' || level === 'error')) {
      this.options.echo(`${level}: ${entry.message}`);
    }
  }

  private open(at: Date): number {
    mkdirSync(this.options.dir, { recursive: true, mode: PRIVATE_FOLDER });
    const file = join(this.options.dir, `narada-${at.toISOString().slice(0, 10)}.jsonl`);
    const fd = openSync(file, 'a', PRIVATE_FILE);
    // The mode above applies only to a new file; one made by an older Narada is narrowed here.
    keepPrivate(file);
    return fd;
  }
}

// Structured logging for use cases; the adapter writes JSON lines with secrets redacted.

export type LogFields = Readonly<Record<string, unknown>>;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /**
   * Into the log only, never echoed to the person: for what they already see in other words (a
   * workflow task's failure in the progress lines and the run's report; a command's error line).
   */
  record(level: LogLevel, message: string, fields?: LogFields): void;
}

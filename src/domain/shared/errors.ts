// The one error family of Narada. Every expected failure carries a stable `code`, a message that
// says what to do next, and whether retrying can help; only the CLI entry maps them to exit codes.

export type ErrorCategory =
  /** Bad input or usage: the user must change what they typed or wrote (exit 2). */
  | 'input'
  /** Missing or broken configuration / login: the user must configure something (exit 2). */
  | 'config'
  /** The job could not be done: upstream down, conflict, rate limit too long (exit 1). */
  | 'failure';

export interface NaradaErrorOptions {
  readonly cause?: unknown;
  /** Whether the same call may succeed later without the user changing anything. */
  readonly retryable?: boolean;
  /** Structured facts for logs and `--json` output (never secrets). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export class NaradaError extends Error {
  readonly retryable: boolean;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    /** Stable machine-readable code, `AREA.REASON` (`WORKFLOW.CYCLE`, `SPOTIFY.RATE_LIMITED`). */
    readonly code: string,
    message: string,
    readonly category: ErrorCategory = 'failure',
    options: NaradaErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.retryable = options.retryable ?? false;
    this.details = options.details ?? {};
  }
}

/** Input that cannot be accepted: a value, a file, a flag. The message names it and says what to do. */
export class InvalidInputError extends NaradaError {
  constructor(code: string, message: string, options: NaradaErrorOptions = {}) {
    super(code, message, 'input', options);
  }
}

/** A value object refused its input; `value` is the offending text. */
export class InvalidValueError extends InvalidInputError {
  constructor(
    readonly kind: string,
    readonly value: string,
    reason: string,
  ) {
    super(
      `VALUE.INVALID_${kind
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')}`,
      `Invalid ${kind} "${value}": ${reason}`,
      {
        details: { kind, value },
      },
    );
  }
}

/** Something must be configured or logged in first; the message says which command fixes it. */
export class ConfigurationError extends NaradaError {
  constructor(code: string, message: string, options: NaradaErrorOptions = {}) {
    super(code, message, 'config', options);
  }
}

export function isNaradaError(error: unknown): error is NaradaError {
  return error instanceof NaradaError;
}

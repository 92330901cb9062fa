// The only place that turns failures into exit codes and the one line a user sees.
import { isNaradaError } from '../../domain/shared/errors.js';
import { isDamage } from '../persistence/database-damage.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export interface Failure {
  readonly exitCode: number;
  readonly code: string;
  readonly message: string;
  /** Whether the error is a bug (unexpected): then the stack is worth logging. */
  readonly unexpected: boolean;
  /** The command already wrote its `--json` document, which says what failed: write no other. */
  readonly reported: boolean;
}

/**
 * A failure whose `--json` document the command has written itself (`workflow validate` prints the
 * same document, issues included, whether the file is valid or not); the exit code is still `error`'s.
 */
export class ReportedFailure extends Error {
  constructor(readonly error: unknown) {
    super(error instanceof Error ? error.message : String(error));
  }
}

export function describeFailure(error: unknown): Failure {
  if (error instanceof ReportedFailure) return { ...describeFailure(error.error), reported: true };
  if (isNaradaError(error)) {
    return {
      exitCode: error.category === 'failure' ? EXIT_FAILURE : EXIT_USAGE,
      code: error.code,
      message: error.message,
      unexpected: false,
      reported: false,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isDamage(error)) {
    // A read outside any transaction met a damaged page (writes report the file and the recovery).
    return {
      exitCode: EXIT_FAILURE,
      code: 'DATABASE.DAMAGED',
      message: `The database is damaged (${message}). Run \`narada status\` to check it and see how to recover it.`,
      unexpected: false,
      reported: false,
    };
  }
  return {
    exitCode: EXIT_FAILURE,
    code: 'INTERNAL',
    message: `Narada hit an unexpected error: ${message}. Run again with --verbose for details, and see the log in NARADA_HOME/logs.`,
    unexpected: true,
    reported: false,
  };
}

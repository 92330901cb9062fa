// Errors of the listening-history features that callers branch on.
import { InvalidInputError } from '../shared/errors.js';

/**
 * An export file that cannot be read whole: nothing of it is imported. `file` names it (with the
 * entry inside a zip), `position` says where reading stopped.
 */
export class CorruptExportError extends InvalidInputError {
  constructor(
    readonly file: string,
    readonly position: string,
    reason: string,
    cause?: unknown,
  ) {
    super(
      'HISTORY.CORRUPT_EXPORT',
      `${file} cannot be read (${position}): ${reason}. Nothing was imported from it; ` +
        'download the export again or remove that file, then run the import again.',
      { cause, details: { file, position } },
    );
  }
}

// Runs an action that must be refused and returns the InvalidValueError, for checks on its message.
import { InvalidValueError } from '../../../src/domain/shared/errors.js';

export function refusalOf(action: () => unknown): InvalidValueError {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidValueError) return error;
    throw error;
  }
  throw new Error('expected the input to be refused, but it was accepted');
}

// Checks shared by the transforms' parameters. Errors name the node type and the config key the user
// wrote, so a bad workflow file can be fixed from the message alone.
import { InvalidInputError } from '../../shared/errors.js';

export const MS_PER_DAY = 86_400_000;

export function invalidParam(nodeType: string, key: string, reason: string): InvalidInputError {
  return new InvalidInputError('WORKFLOW.INVALID_PARAM', `${nodeType}: ${key} ${reason}`, {
    details: { nodeType, key },
  });
}

/** A count of things or days: a whole number ≥ 0. Absent is fine. */
export function checkCount(nodeType: string, key: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
    throw invalidParam(nodeType, key, `must be a whole number of 0 or more, got ${value}`);
  }
}

/** One bound of a range, under the config key the user wrote. */
export interface Bound {
  readonly key: string;
  readonly value: number | undefined;
}

/** Either bound may be absent; when both are given the lower may not exceed the upper. */
export function checkRange(nodeType: string, min: Bound, max: Bound): void {
  for (const bound of [min, max]) {
    if (bound.value !== undefined && Number.isNaN(bound.value)) {
      throw invalidParam(nodeType, bound.key, 'must be a number');
    }
  }
  if (min.value !== undefined && max.value !== undefined && min.value > max.value) {
    throw invalidParam(
      nodeType,
      min.key,
      `(${min.value}) is greater than ${max.key} (${max.value}); swap them or drop one`,
    );
  }
}

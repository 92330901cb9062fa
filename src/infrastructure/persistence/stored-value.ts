// Reading values back from columns: a row that no longer parses (hand-edited or damaged file) is a
// database failure naming the table and column, not a user-input error from the value object.
import { NaradaError } from '../../domain/shared/errors.js';

export function readJson<T>(text: string, table: string, column: string): T {
  try {
    // The text was written by JSON.stringify of a T in the same mapper.
    return JSON.parse(text) as T;
  } catch (cause) {
    throw badValue(table, column, text, cause);
  }
}

export function readValue<T>(
  parse: (text: string) => T,
  text: string | null,
  table: string,
  column: string,
): T | null {
  if (text === null) return null;
  try {
    return parse(text);
  } catch (cause) {
    throw badValue(table, column, text, cause);
  }
}

/** Narrows a stored enum-like text to its union; the CHECK constraints make other values a damaged file. */
export function readChoice<T extends string>(
  text: string,
  choices: readonly T[],
  table: string,
  column: string,
): T {
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw badValue(table, column, text, null);
}

function badValue(table: string, column: string, text: string, cause: unknown): NaradaError {
  return new NaradaError(
    'DATABASE.BAD_VALUE',
    `The database holds an unreadable ${table}.${column} value (${JSON.stringify(text.slice(0, 80))}); ` +
      'restore the file from a backup or fix the row.',
    'failure',
    { cause, details: { table, column } },
  );
}

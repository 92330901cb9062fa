// Turns zod's findings on a task's config into messages a person editing a workflow file can act on:
// the key, what it must be, what it was, and (for a missing key) what the key is for.
import type * as z from 'zod';
import type { ConfigIssue } from '../../domain/workflow/workflow-validation.js';
import { isJsonObject } from '../../domain/workflow/json-object.js';

export function configIssues(error: z.ZodError, config: unknown, schema: z.ZodType): ConfigIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    const value = valueAt(config, path);
    const key = path.length > 0 ? `"${path.join('.')}"` : 'config';
    if (value === undefined && issue.code === 'invalid_type') {
      const purpose = describedAt(schema, path);
      return { path, message: `${key} is required`, ...(purpose ? { hint: purpose } : {}) };
    }
    return { path, message: `${key} ${reason(issue)}${got(value)}` };
  });
}

function reason(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${article(issue.expected)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${String(issue.minimum)} item(s)`
        : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `takes at most ${String(issue.maximum)} item(s)`
        : `must be at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

function got(value: unknown): string {
  if (value === undefined || typeof value === 'object') return '';
  const text = JSON.stringify(value);
  return `, got ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'array') return 'a list';
  if (expected === 'boolean') return 'true or false';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const key of path) {
    if (Array.isArray(value) && typeof key === 'number') value = value[key];
    else if (isJsonObject(value) && typeof key === 'string') value = value[key];
    else return undefined;
  }
  return value;
}

/** The `.describe()` text of the schema at `path`, found through the JSON Schema of the params. */
function describedAt(schema: z.ZodType, path: readonly (string | number)[]): string | undefined {
  let node: unknown = schema.toJSONSchema({ io: 'input', unrepresentable: 'any' });
  for (const key of path) {
    const properties = isJsonObject(node) ? node.properties : undefined;
    node = typeof key === 'string' && isJsonObject(properties) ? properties[key] : undefined;
  }
  return isJsonObject(node) && typeof node.description === 'string' ? node.description : undefined;
}

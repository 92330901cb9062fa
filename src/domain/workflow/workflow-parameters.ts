// Workflow parameters: declared under "parameters", set with `--param name=value`, and referenced
// in task config as `{{name}}` (a whole string takes the typed value; inside text it interpolates).
// Early original files declare them as a list and write `{parameters.name}`; both forms are read.
// Names come from files and the command line, so lookups are by own property or Map, never `obj[name]`.
import {
  formatFieldPath,
  type ParameterType,
  type WorkflowDefinition,
  type WorkflowIssue,
  type WorkflowParameter,
  type WorkflowTask,
} from './workflow-definition.js';
import { isJsonObject } from './json-object.js';
import { nearestName } from './nearest-name.js';

const NAME = /^[A-Za-z_][\w.-]*$/;
const PLACEHOLDER_SOURCE = String.raw`\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}|\{parameters\.([A-Za-z_][\w-]*)\}`;
const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE, 'g');
const WHOLE_PLACEHOLDER = new RegExp(`^(?:${PLACEHOLDER_SOURCE})$`);
const DECLARATION_KEYS = new Set(['description', 'default', 'required', 'type']);
const TYPES: readonly ParameterType[] = ['string', 'number', 'boolean'];
/** Type names of the early list form (Python's and JSON Schema's words), as Narada reads them. */
const LIST_FORM_TYPES: ReadonlyMap<string, ParameterType> = new Map([
  ['string', 'string'],
  ['str', 'string'],
  ['number', 'number'],
  ['integer', 'number'],
  ['int', 'number'],
  ['float', 'number'],
  ['boolean', 'boolean'],
  ['bool', 'boolean'],
]);

/** The parameter a placeholder match names, in either form. */
function placeholderName(match: RegExpMatchArray): string {
  return (match[1] ?? match[2])!;
}

/**
 * Reads `"parameters": { "count": { "description": …, "default": 50, "required": false } }`, the
 * short form `{ "count": 50 }` (the value is the default), or the early original list form
 * `[ { "name": "count", "type": "integer", "required": false, "default": 50 } ]`.
 */
export function parseParameters(value: unknown, issues: WorkflowIssue[]): WorkflowParameter[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return parameterList(value, issues);
  if (!isJsonObject(value)) {
    issues.push({
      code: 'WORKFLOW.INVALID_PARAMETERS',
      field: 'parameters',
      message: '"parameters" must be an object keyed by parameter name',
      hint: 'write "parameters": { "count": { "default": 50, "description": "how many tracks" } }',
    });
    return [];
  }
  const parameters: WorkflowParameter[] = [];
  for (const [name, spec] of Object.entries(value)) {
    const field = formatFieldPath(['parameters', name]);
    if (!NAME.test(name)) {
      issues.push({
        code: 'WORKFLOW.INVALID_PARAMETERS',
        field,
        message: `"${name}" is not a usable parameter name`,
        hint: 'use letters, digits, "_", "-" or ".", starting with a letter or "_"',
      });
      continue;
    }
    const isDeclaration = isJsonObject(spec) && Object.keys(spec).every((key) => DECLARATION_KEYS.has(key));
    const parameter = isDeclaration ? readDeclaration(name, spec, field, issues) : shortForm(name, spec);
    if (parameter) parameters.push(parameter);
  }
  return parameters;
}

function parameterList(items: readonly unknown[], issues: WorkflowIssue[]): WorkflowParameter[] {
  const parameters: WorkflowParameter[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const field = formatFieldPath(['parameters', index]);
    const name = isJsonObject(item) ? item.name : undefined;
    if (!isJsonObject(item) || typeof name !== 'string' || !NAME.test(name)) {
      issues.push({
        code: 'WORKFLOW.INVALID_PARAMETERS',
        field,
        message: 'each parameter in the list needs a "name" of letters, digits, "_", "-" or "."',
        hint: 'write { "name": "playlist_id", "type": "string", "required": true }',
      });
      return;
    }
    if (seen.has(name)) {
      issues.push({
        code: 'WORKFLOW.INVALID_PARAMETERS',
        field,
        message: `parameter "${name}" is declared twice`,
      });
      return;
    }
    seen.add(name);
    const { name: _name, type, ...rest } = item;
    const known = typeof type === 'string' ? LIST_FORM_TYPES.get(type.toLowerCase()) : undefined;
    if (type !== undefined && known === undefined) {
      issues.push({
        code: 'WORKFLOW.INVALID_PARAMETERS',
        field: `${field}.type`,
        message: `"type" must be one of ${[...LIST_FORM_TYPES.keys()].join(', ')}`,
      });
      return;
    }
    const parameter = readDeclaration(name, { ...rest, ...(known ? { type: known } : {}) }, field, issues);
    if (parameter) parameters.push(parameter);
  });
  return parameters;
}

function shortForm(name: string, defaultValue: unknown): WorkflowParameter {
  return { name, description: null, defaultValue, required: false, type: typeOf(defaultValue) ?? 'string' };
}

function readDeclaration(
  name: string,
  spec: Record<string, unknown>,
  field: string,
  issues: WorkflowIssue[],
): WorkflowParameter | null {
  const problems: string[] = [];
  const { description, required, type, default: defaultValue } = spec;
  if (description !== undefined && typeof description !== 'string')
    problems.push('"description" must be a string');
  if (required !== undefined && typeof required !== 'boolean')
    problems.push('"required" must be true or false');
  if (type !== undefined && !TYPES.includes(type as ParameterType))
    problems.push(`"type" must be one of ${TYPES.join(', ')}`);
  const declaredType = TYPES.includes(type as ParameterType) ? (type as ParameterType) : undefined;
  if (declaredType && defaultValue !== undefined && typeOf(defaultValue) !== declaredType) {
    problems.push(`"default" must be a ${declaredType}`);
  }
  for (const message of problems) issues.push({ code: 'WORKFLOW.INVALID_PARAMETERS', field, message });
  if (problems.length > 0) return null;
  return {
    name,
    description: typeof description === 'string' ? description : null,
    defaultValue,
    required: required === true,
    type: declaredType ?? typeOf(defaultValue) ?? 'string',
  };
}

/**
 * Substitutes parameter values into every task's config. `provided` holds the `--param` strings;
 * they are read as the parameter's type. Reports unknown `--param` names, missing required values
 * and each `{{name}}` left without a value (with its task and config path).
 */
export function resolveParameters(
  definition: WorkflowDefinition,
  provided: Readonly<Record<string, string>>,
): { definition: WorkflowDefinition; issues: WorkflowIssue[] } {
  const issues: WorkflowIssue[] = [];
  const referenced = new Set(definition.tasks.flatMap((task) => placeholdersIn(task.config)));
  const declared = new Map(definition.parameters.map((parameter) => [parameter.name, parameter]));
  const values = new Map<string, unknown>();
  const reported = new Set<string>();
  for (const parameter of definition.parameters) {
    const text = ownValue(provided, parameter.name);
    if (text !== undefined) {
      const value = readValue(parameter, text, issues);
      if (value !== undefined) values.set(parameter.name, value);
      else reported.add(parameter.name);
    } else if (parameter.defaultValue !== undefined) {
      values.set(parameter.name, parameter.defaultValue);
    } else if (parameter.required) {
      issues.push({
        code: 'WORKFLOW.MISSING_PARAMETER',
        field: formatFieldPath(['parameters', parameter.name]),
        message: `parameter "${parameter.name}" is required${parameter.description ? ` (${parameter.description})` : ''}`,
        hint: `pass --param ${parameter.name}=<value>`,
      });
      reported.add(parameter.name);
    }
  }
  const knownNames = [...declared.keys(), ...[...referenced].filter((name) => !declared.has(name))];
  for (const [name, text] of Object.entries(provided)) {
    if (declared.has(name)) continue;
    if (referenced.has(name)) values.set(name, text);
    else issues.push(unknownParameter(name, knownNames));
  }
  const tasks = definition.tasks.map((task) => substituteTask(task, values, reported, knownNames, issues));
  return { definition: { ...definition, tasks }, issues };
}

/** Names of the `{{name}}` placeholders anywhere in a config value. */
export function placeholdersIn(value: unknown): string[] {
  const names: string[] = [];
  walkStrings(value, [], (text) => {
    for (const match of text.matchAll(PLACEHOLDER)) names.push(placeholderName(match));
    return text;
  });
  return names;
}

function substituteTask(
  task: WorkflowTask,
  values: ReadonlyMap<string, unknown>,
  reported: ReadonlySet<string>,
  knownNames: readonly string[],
  issues: WorkflowIssue[],
): WorkflowTask {
  const config = walkStrings(task.config, ['config'], (text, path) => {
    const missing = [...text.matchAll(PLACEHOLDER)].map(placeholderName).filter((name) => !values.has(name));
    for (const name of new Set(missing)) {
      if (reported.has(name)) continue;
      const near = nearestName(
        name,
        knownNames.filter((known) => values.has(known)),
      );
      issues.push({
        code: 'WORKFLOW.UNRESOLVED_PARAMETER',
        taskId: task.id,
        field: formatFieldPath(path),
        message: `{{${name}}} has no value`,
        hint: near
          ? `did you mean {{${near}}}?`
          : `pass --param ${name}=<value> or give it a "default" under "parameters"`,
      });
    }
    if (missing.length > 0) return text;
    const whole = WHOLE_PLACEHOLDER.exec(text);
    if (whole) return values.get(placeholderName(whole));
    return text.replace(PLACEHOLDER, (_whole: string, curly?: string, dotted?: string) =>
      asText(values.get((curly ?? dotted)!)),
    );
  }) as Record<string, unknown>;
  return { ...task, config };
}

function readValue(parameter: WorkflowParameter, text: string, issues: WorkflowIssue[]): unknown {
  const fail = (expected: string): undefined => {
    issues.push({
      code: 'WORKFLOW.INVALID_PARAMETER_VALUE',
      field: `--param ${parameter.name}`,
      message: `"${text}" is not ${expected}`,
      hint: `pass --param ${parameter.name}=<${parameter.type}>`,
    });
    return undefined;
  };
  switch (parameter.type) {
    case 'string':
      return text;
    case 'number': {
      const number = text.trim() === '' ? Number.NaN : Number(text);
      return Number.isFinite(number) ? number : fail('a number');
    }
    case 'boolean': {
      const lower = text.trim().toLowerCase();
      if (['true', 'yes', '1'].includes(lower)) return true;
      if (['false', 'no', '0'].includes(lower)) return false;
      return fail('true or false');
    }
  }
}

function unknownParameter(name: string, knownNames: readonly string[]): WorkflowIssue {
  const near = nearestName(name, knownNames);
  const hint = near
    ? `did you mean --param ${near}?`
    : knownNames.length > 0
      ? `this workflow takes: ${knownNames.join(', ')}`
      : 'this workflow takes no parameters';
  return {
    code: 'WORKFLOW.UNKNOWN_PARAMETER',
    field: `--param ${name}`,
    message: `"${name}" is not a parameter of this workflow`,
    hint,
  };
}

/** Rebuilds `value` with every string passed through `map` (which may return a non-string). */
function walkStrings(
  value: unknown,
  path: (string | number)[],
  map: (text: string, path: (string | number)[]) => unknown,
): unknown {
  if (typeof value === 'string') return map(value, path);
  if (Array.isArray(value))
    return value.map((item: unknown, index) => walkStrings(item, [...path, index], map));
  if (isJsonObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, walkStrings(item, [...path, key], map)]),
    );
  }
  return value;
}

/** `record[name]` when `name` is the record's own key: `toString` or `__proto__` is not a parameter given. */
export function ownValue<T>(record: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function typeOf(value: unknown): ParameterType | undefined {
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : undefined;
}

// Where a key sits in a workflow file's text, so a problem found in the parsed workflow (a task's
// config key, its "upstream") can name its line and column as a JSON syntax error does.
import { isJsonObject } from './json-object.js';
import { firstTooDeep, positionOf, WORKFLOW_MAX_BYTES, WORKFLOW_MAX_DEPTH } from './json-limits.js';
import type { WorkflowIssue } from './workflow-definition.js';

export type JsonPath = readonly (string | number)[];

/**
 * Line and column of the deepest part of `path` present in `text` (valid JSON, already checked for
 * depth): the key of an object member, or the first character of an array element. Null when not
 * even the first segment is there.
 */
export function locateJsonPath(text: string, path: JsonPath): { line: number; column: number } | null {
  const scanner = new PathScanner(text);
  scanner.skipSpace();
  const offset = scanner.find(path, 0);
  return offset === null ? null : positionOf(text, offset);
}

/** `config.filters[0].name` → `['config', 'filters', 0, 'name']` (the inverse of formatFieldPath). */
export function parseFieldPath(field: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const pattern = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\.?([A-Za-z_$][\w$]*)/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(field)) !== null) {
    if (match[1] !== undefined) segments.push(Number(match[1]));
    else if (match[2] !== undefined) segments.push(JSON.parse(`"${match[2]}"`) as string);
    else segments.push(match[3]!);
    if (pattern.lastIndex === field.length) break;
  }
  return segments;
}

class PathScanner {
  private at = 0;

  constructor(private readonly text: string) {}

  /** Offset of the deepest segment of `path[index..]` found from the value at the cursor. */
  find(path: JsonPath, index: number): number | null {
    const segment = path[index];
    if (segment === undefined) return null;
    const char = this.text[this.at];
    if (char === '{' && typeof segment === 'string') return this.findMember(path, index, segment);
    if (char === '[' && typeof segment === 'number') return this.findElement(path, index, segment);
    return null;
  }

  private findMember(path: JsonPath, index: number, wanted: string): number | null {
    this.at++;
    this.skipSpace();
    while (this.text[this.at] === '"') {
      const keyAt = this.at;
      const key = this.string();
      this.skipSpace();
      this.at++; // ':'
      this.skipSpace();
      if (key === wanted) return index === path.length - 1 ? keyAt : (this.find(path, index + 1) ?? keyAt);
      this.skipValue();
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
      this.skipSpace();
    }
    return null;
  }

  private findElement(path: JsonPath, index: number, wanted: number): number | null {
    this.at++;
    this.skipSpace();
    for (let position = 0; this.text[this.at] !== ']' && this.at < this.text.length; position++) {
      if (position === wanted) {
        const elementAt = this.at;
        return index === path.length - 1 ? elementAt : (this.find(path, index + 1) ?? elementAt);
      }
      this.skipValue();
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
      this.skipSpace();
    }
    return null;
  }

  /** Skips one value; nesting is bounded by the depth check done before parsing. */
  private skipValue(): void {
    const char = this.text[this.at];
    if (char === '"') {
      this.string();
      return;
    }
    if (char !== '{' && char !== '[') {
      while (this.at < this.text.length && !',}] \t\r\n'.includes(this.text[this.at]!)) this.at++;
      return;
    }
    const close = char === '{' ? '}' : ']';
    this.at++;
    this.skipSpace();
    while (this.text[this.at] !== close && this.at < this.text.length) {
      if (char === '{') {
        this.string();
        this.skipSpace();
        this.at++;
        this.skipSpace();
      }
      this.skipValue();
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
      this.skipSpace();
    }
    this.at++;
  }

  private string(): string {
    const start = this.at;
    this.at++;
    while (this.at < this.text.length && this.text[this.at] !== '"') {
      if (this.text[this.at] === '\\') this.at++;
      this.at++;
    }
    this.at++;
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  skipSpace(): void {
    while (' \t\r\n'.includes(this.text[this.at] ?? 'x')) this.at++;
  }
}

/**
 * The issues with the line and column of what each is about (a task's config key, its "upstream", a
 * parameter), where the file has it. Issues that already have a position, or name no place in the
 * file (a `--param`), are returned as they are.
 */
export function withPositions(text: string, issues: readonly WorkflowIssue[]): WorkflowIssue[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const unplaced = issues.some((issue) => issue.line === undefined);
  if (!unplaced || body.length > WORKFLOW_MAX_BYTES || firstTooDeep(body, WORKFLOW_MAX_DEPTH) !== null)
    return [...issues];
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    return [...issues];
  }
  const tasks = isJsonObject(document) && Array.isArray(document.tasks) ? document.tasks : [];
  const indexOf = new Map<string, number>();
  tasks.forEach((task: unknown, index) => {
    if (isJsonObject(task) && typeof task.id === 'string' && !indexOf.has(task.id))
      indexOf.set(task.id, index);
  });
  return issues.map((issue) => {
    if (issue.line !== undefined || issue.field?.startsWith('--')) return issue;
    const field = issue.field === undefined ? [] : parseFieldPath(issue.field);
    const taskIndex = issue.taskId === undefined ? undefined : indexOf.get(issue.taskId);
    const path = taskIndex === undefined ? field : ['tasks', taskIndex, ...field];
    const position = path.length > 0 ? locateJsonPath(body, path) : null;
    return position ? { ...issue, ...position } : issue;
  });
}

// Reads a workflow file's text into a WorkflowDefinition, collecting every shape problem (bad JSON
// with its line and column, missing ids or types, duplicate ids) instead of stopping at the first.
import {
  formatFieldPath,
  type WorkflowDefinition,
  type WorkflowIssue,
  type WorkflowTask,
} from './workflow-definition.js';
import { isJsonObject } from './json-object.js';
import { findJsonSyntaxError } from './json-syntax-error.js';
import {
  firstTooDeep,
  positionOf,
  WORKFLOW_MAX_BYTES,
  WORKFLOW_MAX_DEPTH,
  WORKFLOW_MAX_TASKS,
} from './json-limits.js';
import { parseParameters } from './workflow-parameters.js';

export interface ParsedWorkflow {
  /** Null when the text is not JSON or not a workflow object at all. */
  readonly definition: WorkflowDefinition | null;
  readonly issues: readonly WorkflowIssue[];
  /**
   * Ids of tasks left out of the definition because they are broken (no type, bad config), so that
   * tasks naming them upstream are not reported a second time.
   */
  readonly skippedTaskIds: ReadonlySet<string>;
}

export interface ParseOptions {
  /** Id to use when the file has none (the original format allowed that), e.g. the file name. */
  readonly fallbackId?: string;
}

const TASK_SHAPE_HINT =
  'each task looks like { "id": "sort", "type": "sorter.by_metric", "config": {}, "upstream": [] }';

export function parseWorkflowText(text: string, options: ParseOptions = {}): ParsedWorkflow {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const limit = textLimitIssue(body);
  if (limit) return { definition: null, issues: [limit], skippedTaskIds: new Set() };
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    const syntax = findJsonSyntaxError(body);
    const issue: WorkflowIssue = syntax
      ? { code: 'WORKFLOW.INVALID_JSON', ...syntax }
      : { code: 'WORKFLOW.INVALID_JSON', message: 'the file is not valid JSON' };
    return { definition: null, issues: [issue], skippedTaskIds: new Set() };
  }
  if (!isJsonObject(document)) {
    const issue = issueAt('WORKFLOW.NOT_A_WORKFLOW', 'the file holds no JSON object', {
      hint: 'a workflow is { "id": …, "name": …, "tasks": [ … ] }',
    });
    return { definition: null, issues: [issue], skippedTaskIds: new Set() };
  }
  return readWorkflow(document, options);
}

/** A file too large or too deeply nested to be a workflow, found without parsing it. */
function textLimitIssue(body: string): WorkflowIssue | null {
  if (body.length > WORKFLOW_MAX_BYTES) {
    return issueAt('WORKFLOW.TOO_LARGE', `the file is larger than ${WORKFLOW_MAX_BYTES / 1024 / 1024} MB`, {
      hint: 'a workflow file holds tens of tasks; check that this is the file you meant',
    });
  }
  const deep = firstTooDeep(body, WORKFLOW_MAX_DEPTH);
  if (deep === null) return null;
  return issueAt('WORKFLOW.TOO_DEEP', `nesting deeper than ${WORKFLOW_MAX_DEPTH} levels`, {
    ...positionOf(body, deep),
    hint: 'a workflow nests a few levels: tasks, config, lists; check for a stray "[" or "{"',
  });
}

function readWorkflow(document: Record<string, unknown>, options: ParseOptions): ParsedWorkflow {
  const issues: WorkflowIssue[] = [];
  const id = optionalText(document, 'id', issues) ?? options.fallbackId;
  if (id === undefined) {
    issues.push(
      issueAt('WORKFLOW.MISSING_ID', 'the workflow has no "id"', {
        field: 'id',
        hint: 'add "id": "my_workflow"',
      }),
    );
  }
  const name = optionalText(document, 'name', issues) ?? id ?? '';
  const description = optionalText(document, 'description', issues) ?? '';
  const version = readVersion(document.version, issues);
  const parameters = parseParameters(document.parameters, issues);
  const { tasks, skippedTaskIds } = readTasks(document.tasks, issues);
  return {
    definition: { id: id ?? '', name, description, version, parameters, tasks },
    issues,
    skippedTaskIds,
  };
}

function readTasks(
  value: unknown,
  issues: WorkflowIssue[],
): { tasks: WorkflowTask[]; skippedTaskIds: Set<string> } {
  const tasks: WorkflowTask[] = [];
  const skippedTaskIds = new Set<string>();
  if (!Array.isArray(value) || value.length === 0) {
    issues.push(issueAt('WORKFLOW.NO_TASKS', tasksProblem(value), { field: 'tasks', hint: TASK_SHAPE_HINT }));
    return { tasks, skippedTaskIds };
  }
  if (value.length > WORKFLOW_MAX_TASKS) {
    issues.push(
      issueAt(
        'WORKFLOW.TOO_MANY_TASKS',
        `the workflow has ${value.length} tasks; at most ${WORKFLOW_MAX_TASKS} are allowed`,
        {
          field: 'tasks',
          hint: 'split it into several workflows',
        },
      ),
    );
    return { tasks, skippedTaskIds };
  }
  const seen = new Set<string>();
  value.forEach((raw: unknown, index) => {
    const where = formatFieldPath(['tasks', index]);
    if (!isJsonObject(raw)) {
      issues.push(
        issueAt('WORKFLOW.INVALID_TASK', 'a task must be an object', { field: where, hint: TASK_SHAPE_HINT }),
      );
      return;
    }
    const id = raw.id;
    if (typeof id !== 'string' || id.trim() === '') {
      const message = id === undefined ? 'the task has no "id"' : '"id" must be a non-empty string';
      issues.push(
        issueAt('WORKFLOW.MISSING_TASK_ID', message, {
          field: `${where}.id`,
          hint: 'give every task a unique "id"',
        }),
      );
      return;
    }
    if (seen.has(id)) {
      issues.push(
        issueAt('WORKFLOW.DUPLICATE_TASK_ID', `task id "${id}" is used more than once`, {
          taskId: id,
          field: `${where}.id`,
          hint: 'rename one of them; upstream lists refer to tasks by id',
        }),
      );
      return;
    }
    seen.add(id);
    const task = readTask(id, raw, issues);
    if (task) tasks.push(task);
    else skippedTaskIds.add(id);
  });
  return { tasks, skippedTaskIds };
}

function tasksProblem(value: unknown): string {
  if (value === undefined) return 'the workflow has no "tasks"';
  return Array.isArray(value) ? '"tasks" is empty' : '"tasks" must be a list';
}

function readTask(id: string, raw: Record<string, unknown>, issues: WorkflowIssue[]): WorkflowTask | null {
  const before = issues.length;
  const type = raw.type;
  if (typeof type !== 'string' || type.trim() === '') {
    const message = type === undefined ? 'the task has no "type"' : '"type" must be a node type name';
    issues.push(
      issueAt('WORKFLOW.MISSING_TASK_TYPE', message, {
        taskId: id,
        field: 'type',
        hint: 'set "type" to a node type; `narada workflow nodes` lists them',
      }),
    );
  }
  const config = raw.config ?? {};
  if (!isJsonObject(config)) {
    issues.push(
      issueAt('WORKFLOW.INVALID_CONFIG', '"config" must be an object', { taskId: id, field: 'config' }),
    );
  }
  const upstream = readUpstream(id, raw.upstream, issues);
  if (issues.length > before || typeof type !== 'string' || !isJsonObject(config)) return null;
  return { id, type, config, upstream };
}

function readUpstream(taskId: string, value: unknown, issues: WorkflowIssue[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    issues.push(
      issueAt('WORKFLOW.INVALID_UPSTREAM', '"upstream" must be a list of task ids', {
        taskId,
        field: 'upstream',
        hint:
          typeof value === 'string'
            ? `write "upstream": ["${value}"]`
            : 'write "upstream": ["other_task_id"]',
      }),
    );
    return [];
  }
  // A repeated id would feed the same input twice; reading it once is what the author meant.
  return [...new Set(value)];
}

function readVersion(value: unknown, issues: WorkflowIssue[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  issues.push(
    issueAt('WORKFLOW.INVALID_FIELD', '"version" must be a string such as "1.0"', { field: 'version' }),
  );
  return null;
}

function optionalText(
  document: Record<string, unknown>,
  key: string,
  issues: WorkflowIssue[],
): string | undefined {
  const value = document[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  issues.push(issueAt('WORKFLOW.INVALID_FIELD', `"${key}" must be a string`, { field: key }));
  return undefined;
}

function issueAt(
  code: string,
  message: string,
  where: Omit<WorkflowIssue, 'code' | 'message'>,
): WorkflowIssue {
  return { code, message, ...where };
}

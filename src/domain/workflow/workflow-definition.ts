// A workflow as written in its JSON file (the original Python narada format): tasks that name a
// node type, its config and the tasks they read from; plus the problems a file can have.
import { InvalidInputError } from '../shared/errors.js';

export interface WorkflowTask {
  readonly id: string;
  /** Node type, e.g. `sorter.by_metric`. */
  readonly type: string;
  /** Node settings as written; keys the node does not know are kept and ignored. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Ids of the tasks whose output this task reads, in the order written. */
  readonly upstream: readonly string[];
}

export type ParameterType = 'string' | 'number' | 'boolean';

/** A value the user can set with `--param name=value`; config refers to it as `{{name}}`. */
export interface WorkflowParameter {
  readonly name: string;
  readonly description: string | null;
  /** `undefined` when the file declares no default. */
  readonly defaultValue: unknown;
  readonly required: boolean;
  /** How a `--param` string is read; from the declaration, else the default's type, else string. */
  readonly type: ParameterType;
}

export interface WorkflowDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly version: string | null;
  readonly parameters: readonly WorkflowParameter[];
  /** In file order, which is also the tie-break order for execution. */
  readonly tasks: readonly WorkflowTask[];
}

/** An error stops the workflow from running; a warning is reported and the run goes on (unless --strict). */
export type IssueSeverity = 'error' | 'warning';

/** One problem in a workflow file: where it is, what is wrong, and what to do about it. */
export interface WorkflowIssue {
  /** Stable code, e.g. `WORKFLOW.CYCLE`, `WORKFLOW.UNKNOWN_NODE_TYPE`. */
  readonly code: string;
  /** Absent means error. */
  readonly severity?: IssueSeverity;
  readonly taskId?: string;
  /** Path of the offending key, e.g. `upstream`, `config.count`, `tasks[2].id`. */
  readonly field?: string;
  readonly message: string;
  readonly hint?: string;
  /** 1-based position in the file: of a JSON syntax error, or of the key the problem is about. */
  readonly line?: number;
  readonly column?: number;
}

/** A workflow file that cannot run; carries every problem found, not just the first. */
export class WorkflowValidationError extends InvalidInputError {
  constructor(
    /** The file (or workflow id) the problems are in, as the user knows it. */
    readonly source: string,
    readonly issues: readonly WorkflowIssue[],
  ) {
    const codes = new Set(issues.map((issue) => issue.code));
    super(codes.size === 1 ? [...codes][0]! : 'WORKFLOW.INVALID', formatWorkflowIssues(source, issues), {
      details: { source, issues },
    });
  }
}

export function formatWorkflowIssues(source: string, issues: readonly WorkflowIssue[]): string {
  if (issues.length === 1) return `${source}: ${formatWorkflowIssue(issues[0]!)}`;
  const lines = issues.map((issue) => `  - ${formatWorkflowIssue(issue)}`);
  return [`${source} has ${issues.length} problems:`, ...lines].join('\n');
}

export function formatWorkflowIssue(issue: WorkflowIssue): string {
  const where: string[] = [];
  if (issue.line !== undefined) where.push(`line ${issue.line}, column ${issue.column ?? 1}`);
  if (issue.taskId !== undefined) where.push(`task "${issue.taskId}"`);
  if (issue.field !== undefined) where.push(issue.field);
  const prefix = where.length > 0 ? `${where.join(', ')}: ` : '';
  const severity = issue.severity === 'warning' ? 'warning: ' : '';
  return `${severity}${prefix}${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`;
}

/** `['config', 'filters', 0, 'name']` → `config.filters[0].name`; odd keys are quoted. */
export function formatFieldPath(segments: readonly (string | number)[]): string {
  return segments
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(segment)) return index === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join('');
}

// Checks a workflow file as a whole and reports every problem at once: its shape, the task graph,
// node types, parameters, and each node's own config (checked by the caller's validator).
import {
  formatFieldPath,
  WorkflowValidationError,
  type WorkflowDefinition,
  type WorkflowIssue,
  type WorkflowTask,
} from './workflow-definition.js';
import { cycleIssue, findCycles } from './workflow-graph.js';
import { nearestName } from './nearest-name.js';
import { resolveParameters } from './workflow-parameters.js';
import { parseWorkflowText, type ParsedWorkflow } from './workflow-parser.js';

/** A problem in one task's config, found by the node's own schema. */
export interface ConfigIssue {
  /** Path inside `config`, e.g. `['count']`; omitted for the config as a whole. */
  readonly path?: readonly (string | number)[];
  readonly message: string;
  readonly hint?: string;
}

/** Checks one task's config (parameters already substituted) against its node type. */
export type ConfigValidator = (task: WorkflowTask, workflow: WorkflowDefinition) => readonly ConfigIssue[];

export interface WorkflowCheckOptions {
  /** Node types that exist; the caller's registry. */
  readonly knownTypes: Iterable<string>;
  /** `--param name=value` strings. */
  readonly parameters?: Readonly<Record<string, string>>;
  readonly validateConfig?: ConfigValidator;
  /** Id for a file that declares none, e.g. its name without `.json`. */
  readonly fallbackId?: string;
}

export interface WorkflowCheck {
  /** The workflow with parameters substituted; null unless there are no issues. */
  readonly definition: WorkflowDefinition | null;
  readonly issues: readonly WorkflowIssue[];
}

/** Parses and checks a workflow file's text; never throws for a bad file. */
export function checkWorkflowText(text: string, options: WorkflowCheckOptions): WorkflowCheck {
  return checkParsedWorkflow(parseWorkflowText(text, { fallbackId: options.fallbackId }), options);
}

/**
 * Parses and checks a workflow file's text and returns the runnable definition. Throws a
 * WorkflowValidationError naming `source` (the file as the user wrote it) with every problem.
 */
export function loadWorkflow(
  text: string,
  source: string,
  options: WorkflowCheckOptions,
): WorkflowDefinition {
  const { definition, issues } = checkWorkflowText(text, options);
  if (!definition) throw new WorkflowValidationError(source, issues);
  return definition;
}

export function checkParsedWorkflow(parsed: ParsedWorkflow, options: WorkflowCheckOptions): WorkflowCheck {
  if (!parsed.definition) return { definition: null, issues: parsed.issues };
  const knownTypes = new Set(options.knownTypes);
  const issues: WorkflowIssue[] = [...parsed.issues];
  const unparsed = parsed.definition;
  issues.push(...checkUpstreams(unparsed.tasks, parsed.skippedTaskIds));
  issues.push(...findCycles(unparsed.tasks).map(cycleIssue));
  issues.push(...checkTypes(unparsed.tasks, knownTypes));
  const resolved = resolveParameters(unparsed, options.parameters ?? {});
  issues.push(...resolved.issues);
  if (options.validateConfig) {
    const unresolved = new Set(resolved.issues.flatMap((issue) => (issue.taskId ? [issue.taskId] : [])));
    issues.push(...checkConfigs(resolved.definition, knownTypes, unresolved, options.validateConfig));
  }
  return { definition: issues.length === 0 ? resolved.definition : null, issues };
}

function checkUpstreams(
  tasks: readonly WorkflowTask[],
  skippedTaskIds: ReadonlySet<string>,
): WorkflowIssue[] {
  const ids = tasks.map((task) => task.id);
  const known = new Set([...ids, ...skippedTaskIds]);
  return tasks.flatMap((task) =>
    task.upstream
      .filter((id) => !known.has(id))
      .map((id) => {
        const near = nearestName(id, ids);
        return {
          code: 'WORKFLOW.UNKNOWN_UPSTREAM',
          taskId: task.id,
          field: 'upstream',
          message: `names unknown task "${id}"`,
          hint: near ? `did you mean "${near}"?` : `tasks in this workflow: ${ids.join(', ')}`,
        };
      }),
  );
}

function checkTypes(tasks: readonly WorkflowTask[], knownTypes: ReadonlySet<string>): WorkflowIssue[] {
  return tasks
    .filter((task) => !knownTypes.has(task.type))
    .map((task) => {
      const near = nearestName(task.type, knownTypes);
      return {
        code: 'WORKFLOW.UNKNOWN_NODE_TYPE',
        taskId: task.id,
        field: 'type',
        message: `unknown node type "${task.type}"`,
        hint: near ? `did you mean "${near}"?` : '`narada workflow nodes` lists the node types',
      };
    });
}

/** Runs the node validators on tasks whose type is known and whose placeholders all resolved. */
function checkConfigs(
  workflow: WorkflowDefinition,
  knownTypes: ReadonlySet<string>,
  tasksWithParameterIssues: ReadonlySet<string>,
  validateConfig: ConfigValidator,
): WorkflowIssue[] {
  return workflow.tasks
    .filter((task) => knownTypes.has(task.type) && !tasksWithParameterIssues.has(task.id))
    .flatMap((task) =>
      validateConfig(task, workflow).map((issue) => ({
        code: 'WORKFLOW.INVALID_CONFIG',
        taskId: task.id,
        field: formatFieldPath(['config', ...(issue.path ?? [])]),
        message: issue.message,
        ...(issue.hint ? { hint: issue.hint } : {}),
      })),
    );
}

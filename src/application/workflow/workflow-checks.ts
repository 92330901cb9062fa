// Everything checked before a workflow runs: the file's shape, graph, parameters and node configs
// (domain validation with the registry's node schemas), plus how many inputs each node type takes.
import {
  WorkflowValidationError,
  type WorkflowDefinition,
  type WorkflowIssue,
  type WorkflowTask,
} from '../../domain/workflow/workflow-definition.js';
import { parseWorkflowText, type ParsedWorkflow } from '../../domain/workflow/workflow-parser.js';
import { checkParsedWorkflow, type WorkflowCheck } from '../../domain/workflow/workflow-validation.js';
import { taskRefs, type NodeRegistry } from './node-registry.js';

export interface WorkflowCheckRequest {
  readonly text: string;
  /** `--param name=value` strings. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Id for a file that declares none, e.g. its name without `.json`. */
  readonly fallbackId?: string;
  /** Warnings (unknown config keys) count as errors. */
  readonly strict?: boolean;
}

export interface WorkflowCheckResult extends WorkflowCheck {
  /** Problems that do not stop a run (empty under `strict`, where they are among `issues`). */
  readonly warnings: readonly WorkflowIssue[];
}

/** Every problem of the workflow; `definition` (parameters substituted) only when there is no error. */
export function checkWorkflow(request: WorkflowCheckRequest, registry: NodeRegistry): WorkflowCheckResult {
  const parsed = canonicalWorkflow(
    parseWorkflowText(request.text, { fallbackId: request.fallbackId }),
    registry,
  );
  const check = checkParsedWorkflow(parsed, {
    knownTypes: registry.types,
    parameters: request.parameters ?? {},
    validateConfig: registry.validateConfig,
    fallbackId: request.fallbackId,
  });
  if (parsed.definition === null) return { ...check, warnings: [] };
  const tasks = parsed.definition.tasks;
  const found = tasks.flatMap((task) => registry.unknownKeyWarnings(task));
  const warnings = request.strict ? [] : found;
  const strictIssues = request.strict ? found.map((issue) => ({ ...issue, severity: 'error' as const })) : [];
  const issues = [...check.issues, ...checkInputs(tasks, registry), ...strictIssues];
  return { definition: issues.length === 0 ? check.definition : null, issues, warnings };
}

/** The runnable definition, or a WorkflowValidationError naming `source` with every problem. */
export function loadWorkflowDefinition(
  request: WorkflowCheckRequest & { readonly source: string },
  registry: NodeRegistry,
): WorkflowDefinition {
  const { definition, issues } = checkWorkflow(request, registry);
  if (definition === null) throw new WorkflowValidationError(request.source, issues);
  return definition;
}

/** The parsed workflow with each task as today's node reads it (see NodeRegistry.canonicalTask). */
function canonicalWorkflow(parsed: ParsedWorkflow, registry: NodeRegistry): ParsedWorkflow {
  if (parsed.definition === null) return parsed;
  const ids = new Set(parsed.definition.tasks.map((task) => task.id));
  const tasks = parsed.definition.tasks.map((task) => registry.canonicalTask(task, ids));
  return { ...parsed, definition: { ...parsed.definition, tasks } };
}

/** The upstream tasks a task works on: all of them for a combiner, else those its config does not name. */
export function mainInputs(task: WorkflowTask, registry: NodeRegistry): string[] {
  const node = registry.require(task.type);
  if (node.kind === 'combiner') return [...task.upstream];
  const named = new Set((node.taskRefKeys ?? []).flatMap((key) => taskRefs(task, key)));
  return task.upstream.filter((id) => !named.has(id));
}

function checkInputs(tasks: readonly WorkflowTask[], registry: NodeRegistry): WorkflowIssue[] {
  return tasks.flatMap((task): WorkflowIssue[] => {
    const node = registry.get(task.type);
    if (node === undefined) return [];
    const at = { taskId: task.id, field: 'upstream' };
    if (node.kind === 'source') {
      if (task.upstream.length === 0 || (node.seedInput === true && task.upstream.length === 1)) return [];
      return [
        {
          code: 'WORKFLOW.UNEXPECTED_UPSTREAM',
          ...at,
          message: `a ${node.kind} reads no other task, but "upstream" names ${task.upstream.join(', ')}`,
          hint: 'remove "upstream" from this task; to join lists, use a combiner',
        },
      ];
    }
    const inputs = mainInputs(task, registry);
    if (inputs.length === 0) {
      return [
        {
          code: 'WORKFLOW.MISSING_INPUT',
          ...at,
          message: `${task.type} works on the tracks of another task, but "upstream" names none`,
          hint: 'add "upstream": ["<id of the task whose tracks it should use>"]',
        },
      ];
    }
    if (inputs.length > 1 && node.kind !== 'combiner') {
      return [
        {
          code: 'WORKFLOW.TOO_MANY_INPUTS',
          ...at,
          message: `${task.type} works on one list, but "upstream" names ${inputs.length}: ${inputs.join(', ')}`,
          hint: 'join them first with combiner.merge_playlists, or keep only one',
        },
      ];
    }
    return [];
  });
}

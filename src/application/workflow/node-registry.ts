// Every node type Narada knows, indexed by the name workflow files use. Validation of a task's config
// goes through here, so its errors always name the task id and the config key.
import { InvalidInputError } from '../../domain/shared/errors.js';
import type { WorkflowDefinition, WorkflowTask } from '../../domain/workflow/workflow-definition.js';
import { placeholdersIn } from '../../domain/workflow/workflow-parameters.js';
import type { ConfigIssue, ConfigValidator } from '../../domain/workflow/workflow-validation.js';
import { configIssues } from './config-issues.js';
import type { WorkflowNode } from './workflow-node.js';

export class NodeRegistry {
  private readonly byType = new Map<string, WorkflowNode>();

  constructor(nodes: readonly WorkflowNode[]) {
    for (const node of nodes) {
      if (this.byType.has(node.type)) {
        throw new Error(`Node type "${node.type}" is declared twice; each type must be declared once`);
      }
      this.byType.set(node.type, node);
    }
  }

  /** Node types in declaration order (sources first, destinations last). */
  get types(): string[] {
    return [...this.byType.keys()];
  }

  get nodes(): WorkflowNode[] {
    return [...this.byType.values()];
  }

  get(type: string): WorkflowNode | undefined {
    return this.byType.get(type);
  }

  require(type: string): WorkflowNode {
    const node = this.byType.get(type);
    if (node === undefined)
      throw new InvalidInputError('WORKFLOW.UNKNOWN_NODE_TYPE', `Unknown node type "${type}"`);
    return node;
  }

  /** For `checkWorkflowText`: the config problems of one task whose type is known. */
  readonly validateConfig: ConfigValidator = (task: WorkflowTask, _workflow: WorkflowDefinition) => {
    const node = this.require(task.type);
    // A placeholder still here has no value; that is reported once, as a parameter problem.
    if (placeholdersIn(task.config).length > 0) return [];
    const parsed = node.params.safeParse(task.config);
    if (!parsed.success) return configIssues(parsed.error, task.config, node.params);
    return [...taskRefIssues(node, task), ...(node.check?.(parsed.data, task) ?? [])];
  };

  /** The task's params; the task must have passed validation. */
  paramsOf(task: WorkflowTask): unknown {
    const node = this.require(task.type);
    const parsed = node.params.safeParse(task.config);
    if (parsed.success) return parsed.data;
    const [first] = configIssues(parsed.error, task.config, node.params);
    throw new InvalidInputError(
      'WORKFLOW.INVALID_CONFIG',
      `Task "${task.id}" (${task.type}): ${first?.message ?? 'invalid config'}`,
      { details: { taskId: task.id } },
    );
  }
}

/** Upstream task ids named in `key` of a task's config (a string or a list of strings). */
export function taskRefs(task: WorkflowTask, key: string): string[] {
  const value = task.config[key];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function taskRefIssues(node: WorkflowNode, task: WorkflowTask): ConfigIssue[] {
  const upstream = new Set(task.upstream);
  return (node.taskRefKeys ?? []).flatMap((key) => {
    const value = task.config[key];
    return taskRefs(task, key)
      .map((id, index) => ({ id, path: Array.isArray(value) ? [key, index] : [key] }))
      .filter(({ id }) => !upstream.has(id))
      .map(({ id, path }) => ({
        path,
        message: `names task "${id}", which is not in this task's "upstream"`,
        hint: `add "${id}" to "upstream" so it runs first and its tracks reach this task`,
      }));
  });
}

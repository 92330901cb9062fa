// Every node type Narada knows, indexed by the name workflow files use, older names (aliases)
// included. Validation of a task's config goes through here, so its errors always name the task id
// and the config key.
import { InvalidInputError } from '../../domain/shared/errors.js';
import { nearestName } from '../../domain/workflow/nearest-name.js';
import {
  formatFieldPath,
  type WorkflowDefinition,
  type WorkflowIssue,
  type WorkflowTask,
} from '../../domain/workflow/workflow-definition.js';
import { placeholdersIn } from '../../domain/workflow/workflow-parameters.js';
import type { ConfigIssue, ConfigValidator } from '../../domain/workflow/workflow-validation.js';
import { configIssues } from './config-issues.js';
import { canonicalConfig, type NodeAlias } from './node-aliases.js';
import { knownConfigKeys } from './node-schemas.js';
import type { WorkflowNode } from './workflow-node.js';

export class NodeRegistry {
  private readonly byType = new Map<string, WorkflowNode>();
  private readonly aliasByType = new Map<string, NodeAlias>();

  constructor(nodes: readonly WorkflowNode[], aliases: readonly NodeAlias[] = []) {
    for (const node of nodes) {
      if (this.byType.has(node.type)) {
        throw new Error(`Node type "${node.type}" is declared twice; each type must be declared once`);
      }
      this.byType.set(node.type, node);
    }
    for (const alias of aliases) {
      if (this.byType.has(alias.type) || this.aliasByType.has(alias.type)) {
        throw new Error(`Alias "${alias.type}" is declared twice or names a node type`);
      }
      if (!this.byType.has(alias.of))
        throw new Error(`Alias "${alias.type}" is of unknown type "${alias.of}"`);
      this.aliasByType.set(alias.type, alias);
    }
  }

  /** Node types in declaration order (sources first, destinations last), then the aliases. */
  get types(): string[] {
    return [...this.byType.keys(), ...this.aliasByType.keys()];
  }

  /** The nodes themselves; an alias is not a node. */
  get nodes(): WorkflowNode[] {
    return [...this.byType.values()];
  }

  get aliases(): NodeAlias[] {
    return [...this.aliasByType.values()];
  }

  /** The alias entry when `type` is an older name. */
  aliasOf(type: string): NodeAlias | undefined {
    return this.aliasByType.get(type);
  }

  /** The node that runs `type`, the node an alias names included. */
  get(type: string): WorkflowNode | undefined {
    return this.byType.get(this.aliasByType.get(type)?.of ?? type);
  }

  require(type: string): WorkflowNode {
    const node = this.get(type);
    if (node === undefined)
      throw new InvalidInputError('WORKFLOW.UNKNOWN_NODE_TYPE', `Unknown node type "${type}"`);
    return node;
  }

  /**
   * The task as today's node reads it: an alias's older config keys renamed, and every task its
   * config names (a filter's exclusion_source, a combiner's sources) that exists but is missing from
   * "upstream" added to it, since the original read such a reference as a dependency.
   */
  canonicalTask(task: WorkflowTask, taskIds: ReadonlySet<string>): WorkflowTask {
    const node = this.get(task.type);
    if (node === undefined) return task;
    const alias = this.aliasByType.get(task.type);
    const config = alias ? canonicalConfig(alias, task) : task.config;
    const named = (node.taskRefKeys ?? []).flatMap((key) => taskRefs({ ...task, config }, key));
    const implied = named.filter((id) => taskIds.has(id) && !task.upstream.includes(id));
    if (alias === undefined && implied.length === 0) return task;
    return { ...task, config, upstream: [...task.upstream, ...new Set(implied)] };
  }

  /**
   * Config keys the task's node does not know, as warnings with the nearest known key. Keys the
   * original narada used that Narada has no need for are known (and ignored).
   */
  unknownKeyWarnings(task: WorkflowTask): WorkflowIssue[] {
    const node = this.get(task.type);
    if (node === undefined) return [];
    const known = knownConfigKeys(node);
    return Object.keys(task.config)
      .filter((key) => !known.has(key))
      .map((key) => {
        const near = nearestName(key, known);
        return {
          code: 'WORKFLOW.UNKNOWN_CONFIG_KEY',
          severity: 'warning',
          taskId: task.id,
          field: formatFieldPath(['config', key]),
          message: `${task.type} has no config key "${key}"; it is ignored`,
          hint: near ? `did you mean "${near}"?` : "`narada workflow nodes` lists each node's keys",
        };
      });
  }

  /** For `checkWorkflowText`: the config problems of one task whose type is known. */
  readonly validateConfig: ConfigValidator = (task: WorkflowTask, workflow: WorkflowDefinition) => {
    const node = this.require(task.type);
    // A placeholder still here has no value; that is reported once, as a parameter problem.
    if (placeholdersIn(task.config).length > 0) return [];
    const parsed = node.params.safeParse(task.config);
    const issues = parsed.success
      ? [...taskRefIssues(node, task, workflow), ...(node.check?.(parsed.data, task) ?? [])]
      : configIssues(parsed.error, task.config, node.params);
    const alias = this.aliasByType.get(task.type);
    return alias ? issues.map((issue) => inOlderKeys(alias, issue)) : issues;
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

/** An alias's problem named by the key its files write (`reference`), not today's (`exclusion_source`). */
function inOlderKeys(alias: NodeAlias, issue: ConfigIssue): ConfigIssue {
  const [first, ...rest] = issue.path ?? [];
  const older = Object.entries(alias.renames ?? {}).find(([, today]) => today === first)?.[0];
  if (older === undefined) return issue;
  return {
    ...issue,
    path: [older, ...rest],
    message: issue.message.replaceAll(`"${String(first)}"`, `"${older}"`),
  };
}

/** Tasks named in config that are not upstream: after canonicalTask, only ids of no task are left. */
function taskRefIssues(node: WorkflowNode, task: WorkflowTask, workflow: WorkflowDefinition): ConfigIssue[] {
  const upstream = new Set(task.upstream);
  const ids = workflow.tasks.map((other) => other.id);
  return (node.taskRefKeys ?? []).flatMap((key) => {
    const value = task.config[key];
    return taskRefs(task, key)
      .map((id, index) => ({ id, path: Array.isArray(value) ? [key, index] : [key] }))
      .filter(({ id }) => !upstream.has(id))
      .map(({ id, path }) => {
        const near = nearestName(id, ids);
        return {
          path,
          message: ids.includes(id)
            ? `names task "${id}", which is not in this task's "upstream"`
            : `names unknown task "${id}"`,
          hint: near && near !== id ? `did you mean "${near}"?` : `tasks in this workflow: ${ids.join(', ')}`,
        };
      });
  });
}

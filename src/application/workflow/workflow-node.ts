// What a workflow node is: declared once with its type, kind, description and a zod schema of its
// config, and a `run` that gets the context as an argument. The registry, the JSON Schema and
// `narada workflow nodes` all read these declarations.
import type * as z from 'zod';
import type { WorkflowTask } from '../../domain/workflow/workflow-definition.js';
import type { ConfigIssue } from '../../domain/workflow/workflow-validation.js';
import type { TrackList } from '../../domain/workflow/track-list.js';
import type { NodeContext } from './node-context.js';

export type NodeKind = 'source' | 'enricher' | 'filter' | 'sorter' | 'selector' | 'combiner' | 'destination';

/** The outputs of a task's upstream tasks, in the order its `upstream` lists them. */
export type TaskInputs = ReadonlyMap<string, TrackList>;

export interface NodeRun<P> {
  readonly params: P;
  readonly inputs: TaskInputs;
  readonly task: WorkflowTask;
}

export interface NodeResult {
  readonly output: TrackList;
  /** Tracks the node read, when that is not simply every input's tracks (e.g. an exclusion list). */
  readonly inputCount?: number;
  /** Node-specific facts for the run record (a destination's plan, an enricher's cache hits). */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Things the user should know even though the task succeeded. */
  readonly warnings?: readonly string[];
}

export interface WorkflowNode<P = unknown> {
  /** The name workflow files use, e.g. `sorter.by_metric`. */
  readonly type: string;
  readonly kind: NodeKind;
  /** One line for `narada workflow nodes` and the JSON Schema. */
  readonly description: string;
  /** Parses a task's config (parameters already substituted) into the node's params. */
  readonly params: z.ZodType<P>;
  /**
   * Config keys whose values name upstream tasks (a combiner's `sources`, a filter's
   * `exclusion_source`). Each named task must be in `upstream`; for single-input nodes the tasks
   * named here are side inputs, and the one other upstream task is the list the node works on.
   */
  readonly taskRefKeys?: readonly string[];
  /**
   * A source that may also read one upstream task, as seeds (source.lastfm_similar_tracks looks up
   * the tracks similar to each upstream track). Other sources take no upstream.
   */
  readonly seedInput?: boolean;
  /** Cross-field checks the schema cannot express (e.g. `sources` naming upstream tasks). */
  readonly check?: (params: P, task: WorkflowTask) => readonly ConfigIssue[];
  readonly run: (ctx: NodeContext, run: NodeRun<P>) => Promise<NodeResult>;
}

/** Declares a node; typing `params` once types `run`'s params through `z.infer`. */
export function defineNode<S extends z.ZodType>(
  node: WorkflowNode<z.infer<S>> & { params: S },
): WorkflowNode {
  return node as unknown as WorkflowNode;
}

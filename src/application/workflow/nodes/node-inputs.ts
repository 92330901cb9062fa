// Reading a task's inputs: the list it works on, side lists it names in its config, and turning a
// transform's parameter error into a config problem found before the run.
import { isNaradaError } from '../../../domain/shared/errors.js';
import type { TrackList } from '../../../domain/workflow/track-list.js';
import type { ConfigIssue } from '../../../domain/workflow/workflow-validation.js';
import type { TaskInputs } from '../workflow-node.js';

/** The one upstream output that is not a side input (validation guarantees there is exactly one). */
export function mainInput(inputs: TaskInputs, sideInputs: readonly string[] = []): TrackList {
  for (const [id, list] of inputs) if (!sideInputs.includes(id)) return list;
  throw new Error('a task with no main input passed validation');
}

/** An upstream output named in the config (validation guarantees it is upstream). */
export function sideInput(inputs: TaskInputs, taskId: string): TrackList {
  const list = inputs.get(taskId);
  if (list === undefined) throw new Error(`side input "${taskId}" is not upstream`);
  return list;
}

/**
 * Runs a transform's own parameter checks (they throw WORKFLOW.INVALID_PARAM naming the key) on an
 * empty list, so that contradictions such as min above max are reported by `workflow validate`.
 */
export function transformParamIssues(check: () => void): ConfigIssue[] {
  try {
    check();
    return [];
  } catch (error) {
    if (!isNaradaError(error) || error.code !== 'WORKFLOW.INVALID_PARAM') throw error;
    const key = error.details['key'];
    const nodeType = error.details['nodeType'];
    const message = typeof nodeType === 'string' ? error.message.replace(`${nodeType}: `, '') : error.message;
    return [{ ...(typeof key === 'string' && key !== 'config' ? { path: [key] } : {}), message }];
  }
}

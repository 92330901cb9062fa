// A schedule's workflow on disk: a file path is kept absolute and read again at each run; a workflow id
// is looked up again at each run among the user's workflows and the shipped ones, as `workflow run`
// does (so an upgraded shipped workflow is the one run). The text's SHA-256 tells a changed file.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LocatedWorkflow, WorkflowSource } from '../../application/ports/workflow-source.port.js';
import type { ScheduledWorkflow } from '../../domain/schedules/schedule.js';
import { NaradaError } from '../../domain/shared/errors.js';
import { resolveWorkflowFile, type WorkflowFile } from '../cli/commands/workflow-files.js';

export class FileWorkflowSource implements WorkflowSource {
  /** `userDir`: NARADA_HOME/workflows. */
  constructor(private readonly userDir: string) {}

  locate(nameOrPath: string, cwd: string): LocatedWorkflow {
    const asPath = resolve(cwd, nameOrPath);
    if (existsSync(asPath) && statSync(asPath).isFile()) {
      return located('file', asPath, resolveWorkflowFile(asPath, { cwd, userDir: this.userDir }));
    }
    const id = nameOrPath.replace(/\.json$/i, '');
    return located('id', id, resolveWorkflowFile(id, { cwd: this.userDir, userDir: this.userDir }));
  }

  reload(workflow: Pick<ScheduledWorkflow, 'kind' | 'ref'>): LocatedWorkflow {
    if (workflow.kind === 'id') return this.locate(workflow.ref, this.userDir);
    if (!existsSync(workflow.ref)) {
      throw new NaradaError(
        'SCHEDULE.WORKFLOW_GONE',
        `The workflow file ${workflow.ref} is gone (moved or deleted); put it back, or remove the schedule and add it again with the file's new path`,
        'input',
      );
    }
    return located(
      'file',
      workflow.ref,
      resolveWorkflowFile(workflow.ref, { cwd: '/', userDir: this.userDir }),
    );
  }
}

function located(kind: ScheduledWorkflow['kind'], ref: string, file: WorkflowFile): LocatedWorkflow {
  return {
    kind,
    ref,
    path: file.path,
    label: kind === 'file' ? file.path : `workflow "${ref}" (${file.path})`,
    text: file.text,
    fallbackId: file.fallbackId,
    contentHash: createHash('sha256').update(file.text).digest('hex'),
  };
}

// Where workflow files come from: a path, or an id found among the user's own workflows
// (NARADA_HOME/workflows) and the ones shipped with Narada (workflows/ in the package).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import { WORKFLOW_MAX_BYTES } from '../../../domain/workflow/json-limits.js';
import { nearestName } from '../../../domain/workflow/nearest-name.js';
import { parseWorkflowText } from '../../../domain/workflow/workflow-parser.js';

export interface WorkflowFile {
  /** As the user should see it in messages. */
  readonly label: string;
  readonly path: string;
  readonly text: string;
  /** The file name without `.json`, for files that declare no id. */
  readonly fallbackId: string;
}

export interface WorkflowListing {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly origin: 'yours' | 'shipped';
  readonly path: string;
  readonly parameters: readonly string[];
}

export interface WorkflowDirs {
  readonly cwd: string;
  /** NARADA_HOME/workflows. */
  readonly userDir: string;
}

/** The `workflows/` folder shipped in the package (beside package.json). */
export function shippedWorkflowsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && existsSync(join(dir, 'workflows'))) return join(dir, 'workflows');
    dir = dirname(dir);
  }
  return join(process.cwd(), 'workflows');
}

export function resolveWorkflowFile(nameOrPath: string, dirs: WorkflowDirs): WorkflowFile {
  const asPath = resolve(dirs.cwd, nameOrPath);
  if (existsSync(asPath) && statSync(asPath).isFile()) return readWorkflowFile(asPath, nameOrPath);
  const listed = listWorkflows(dirs);
  const wanted = nameOrPath.replace(/\.json$/i, '');
  const found =
    listed.find((w) => w.id === wanted) ?? listed.find((w) => basename(w.path, '.json') === wanted);
  if (found !== undefined) return readWorkflowFile(found.path, found.path);
  const near = nearestName(
    wanted,
    listed.map((w) => w.id),
  );
  throw new InvalidInputError(
    'WORKFLOW.NOT_FOUND',
    `No workflow file or id "${nameOrPath}"${near ? `; did you mean "${near}"?` : ''} ` +
      '(`narada workflow list` shows the shipped workflows and yours)',
  );
}

export function listWorkflows(dirs: WorkflowDirs): WorkflowListing[] {
  const yours = listDir(dirs.userDir, 'yours');
  const ids = new Set(yours.map((w) => w.id));
  // A workflow of yours with a shipped one's id takes its place, as it does for `workflow run <id>`.
  return [...yours, ...listDir(shippedWorkflowsDir(), 'shipped').filter((w) => !ids.has(w.id))];
}

function listDir(dir: string, origin: WorkflowListing['origin']): WorkflowListing[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .filter((name) => statSync(join(dir, name)).size <= WORKFLOW_MAX_BYTES)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      const definition = parseWorkflowText(readFileSync(path, 'utf8'), {
        fallbackId: basename(name, '.json'),
      }).definition;
      if (definition === null) return [];
      const parameters = definition.parameters.map((p) => p.name);
      return [
        {
          id: definition.id,
          name: definition.name,
          description: definition.description,
          origin,
          path,
          parameters,
        },
      ];
    });
}

function readWorkflowFile(path: string, label: string): WorkflowFile {
  // Checked before reading: a multi-gigabyte file given by mistake must not be loaded to be refused.
  const size = statSync(path).size;
  if (size > WORKFLOW_MAX_BYTES) {
    throw new InvalidInputError(
      'WORKFLOW.TOO_LARGE',
      `${label} is ${(size / 1024 / 1024).toFixed(1)} MB; a workflow file may be at most ${WORKFLOW_MAX_BYTES / 1024 / 1024} MB (check that this is the file you meant)`,
    );
  }
  try {
    return {
      label,
      path,
      text: readFileSync(path, 'utf8'),
      fallbackId: basename(path).replace(/\.json$/i, ''),
    };
  } catch (error) {
    throw new InvalidInputError('WORKFLOW.UNREADABLE', `Cannot read ${label}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

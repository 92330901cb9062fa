// `npm run schema`: writes workflows/workflow.schema.json from the node registry (the same registry
// that validates and runs workflows), formatted as the repository's Prettier settings want it.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeRegistry } from '../src/application/workflow/nodes/all-nodes.js';
import { workflowJsonSchema } from '../src/application/workflow/workflow-schema.js';

function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above scripts/');
    dir = parent;
  }
  return dir;
}

const target = join(repositoryRoot(), 'workflows', 'workflow.schema.json');
const prettier = await import('prettier');
const options = (await prettier.resolveConfig(target)) ?? {};
const text = await prettier.format(JSON.stringify(workflowJsonSchema(createNodeRegistry())), {
  ...options,
  parser: 'json',
});
writeFileSync(target, text);
console.log(`wrote ${target}`);

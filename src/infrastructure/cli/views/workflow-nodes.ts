// `narada workflow nodes`: every node type with its parameters, their types and defaults, and one
// line on what it does, then the older names (aliases) and the node each runs as, all read from the
// same registry that runs and validates workflows.
import { describeAlias } from '../../../application/workflow/node-aliases.js';
import { describeParams, type ParamDescription } from '../../../application/workflow/node-schemas.js';
import type { NodeRegistry } from '../../../application/workflow/node-registry.js';
import type { NodeKind } from '../../../application/workflow/workflow-node.js';

export interface NodeEntry {
  readonly type: string;
  readonly kind: NodeKind;
  readonly description: string;
  readonly params: readonly ParamDescription[];
  /** For an older name: the node type it runs as. */
  readonly aliasOf?: string;
}

const HEADINGS: Record<NodeKind, string> = {
  source: 'Sources',
  enricher: 'Enrichers',
  filter: 'Filters',
  sorter: 'Sorters',
  selector: 'Selectors',
  combiner: 'Combiners',
  destination: 'Destinations',
};

export function nodeCatalog(registry: NodeRegistry): NodeEntry[] {
  const nodes = registry.nodes.map((node) => ({
    type: node.type,
    kind: node.kind,
    description: node.description,
    params: describeParams(node),
  }));
  const aliases = registry.aliases.map((alias) => ({
    type: alias.type,
    kind: registry.require(alias.of).kind,
    description: describeAlias(alias),
    params: [],
    aliasOf: alias.of,
  }));
  return [...nodes, ...aliases];
}

export function renderNodeCatalog(nodes: readonly NodeEntry[]): string[] {
  const lines: string[] = [];
  let kind: NodeKind | null = null;
  const aliases = nodes.filter((node) => node.aliasOf !== undefined);
  for (const node of nodes) {
    if (node.aliasOf !== undefined) continue;
    if (node.kind !== kind) {
      kind = node.kind;
      lines.push(`${lines.length > 0 ? '\n' : ''}${HEADINGS[kind]}`);
    }
    lines.push(`  ${node.type} — ${node.description}`);
    for (const param of node.params) lines.push(`      ${paramLine(param)}`);
    if (node.params.length === 0) lines.push('      (no parameters)');
  }
  if (aliases.length > 0) lines.push('', 'Older names (original narada files run unchanged)');
  for (const alias of aliases) lines.push(`  ${alias.type} — ${alias.description}`);
  lines.push(
    '',
    'Every node also accepts (and ignores) keys of the original narada it does not need; other unknown',
    'keys are reported as warnings (errors with --strict).',
  );
  return lines;
}

function paramLine(param: ParamDescription): string {
  const when = param.required
    ? 'required'
    : param.default !== undefined
      ? `default ${JSON.stringify(param.default)}`
      : 'optional';
  return `${param.name} (${param.type}; ${when})${param.description ? `  ${param.description}` : ''}`;
}

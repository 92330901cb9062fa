// The JSON Schema of each node's config, derived from its zod params, so the workflow file schema and
// `narada workflow nodes` describe exactly what the code accepts.
import type * as z from 'zod';
import { isJsonObject } from '../../domain/workflow/json-object.js';
import type { WorkflowNode } from './workflow-node.js';

export type JsonSchema = Record<string, unknown>;

/** The config schema as a file author writes it (defaults optional, older spellings included). */
export function configSchema(node: WorkflowNode): JsonSchema {
  const { $schema: _dialect, ...schema } = (node.params as z.ZodType).toJSONSchema({
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return schema;
}

/**
 * Config keys of the original narada (its batching, concurrency, match confidence, sync options): a
 * node that does not read one accepts it without a warning and ignores it. Nodes that do read one
 * (destinations read `dry_run`; `destination.update_playlist` reads `operation_type` and
 * `enable_external_sync`) declare it in their params like any other key.
 */
export const ORIGINAL_IGNORED_KEYS: readonly string[] = [
  'batch_size',
  'concurrency',
  'min_confidence',
  'username',
  'attributes',
  'enrich_tracks',
  'operation_type',
  'conflict_resolution',
  'track_matching_strategy',
  'dry_run',
  'force_update',
  'preserve_order',
  'max_api_calls',
  'enable_external_sync',
  'enable_spotify_sync',
  'playlist_id_param',
  'result_key',
];

/** Every config key a node reads, plus the original's keys it accepts and ignores. */
export function knownConfigKeys(node: WorkflowNode): Set<string> {
  const schema = configSchema(node);
  const properties = isJsonObject(schema.properties) ? Object.keys(schema.properties) : [];
  return new Set([...properties, ...ORIGINAL_IGNORED_KEYS]);
}

export interface ParamDescription {
  readonly name: string;
  /** `number`, `whole number`, `true/false`, `first | last | random`, `list of text`, … */
  readonly type: string;
  readonly required: boolean;
  readonly default?: unknown;
  readonly description: string | null;
}

/** The params of a node, one per config key, in declaration order. */
export function describeParams(node: WorkflowNode): ParamDescription[] {
  const schema = configSchema(node);
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(properties).map(([name, property]) => {
    const spec = isJsonObject(property) ? property : {};
    return {
      name,
      type: typeName(spec),
      required: required.has(name) && spec.default === undefined,
      ...(spec.default !== undefined ? { default: spec.default } : {}),
      description: typeof spec.description === 'string' ? spec.description : null,
    };
  });
}

function typeName(spec: JsonSchema): string {
  if (Array.isArray(spec.enum)) return spec.enum.map(String).join(' | ');
  if (Array.isArray(spec.anyOf))
    return spec.anyOf.map((part) => (isJsonObject(part) ? typeName(part) : '?')).join(' or ');
  switch (spec.type) {
    case 'integer':
      return 'whole number';
    case 'boolean':
      return 'true/false';
    case 'string':
      return 'text';
    case 'array':
      return `list of ${isJsonObject(spec.items) ? typeName(spec.items) : 'values'}`;
    case 'number':
      return 'number';
    default:
      return 'any';
  }
}

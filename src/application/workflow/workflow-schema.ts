// The JSON Schema of workflow files, built from the node registry so it cannot drift from the code:
// the file's shape, parameters, and for each node type its config (where `{{param}}` may stand in
// for any value). `npm run schema` writes it to workflows/workflow.schema.json.
import { isJsonObject } from '../../domain/workflow/json-object.js';
import { describeAlias, type NodeAlias } from './node-aliases.js';
import type { NodeRegistry } from './node-registry.js';
import { configSchema, type JsonSchema } from './node-schemas.js';

export const WORKFLOW_SCHEMA_ID =
  'https://github.com/narada-music/narada/blob/main/workflows/workflow.schema.json';

const PLACEHOLDER_PATTERN = '^(\\{\\{\\s*[A-Za-z_][\\w.-]*\\s*\\}\\}|\\{parameters\\.[A-Za-z_][\\w-]*\\})$';

export function workflowJsonSchema(registry: NodeRegistry): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: WORKFLOW_SCHEMA_ID,
    title: 'Narada workflow',
    description:
      'A Narada workflow: tasks that read, enrich, filter, sort and write playlists. The format of the original narada.',
    type: 'object',
    required: ['tasks'],
    properties: {
      $schema: { type: 'string' },
      id: { type: 'string', minLength: 1, description: 'Stable id (defaults to the file name)' },
      name: { type: 'string' },
      description: { type: 'string' },
      version: { type: ['string', 'number'] },
      parameters: {
        description: 'Values set with --param name=value and used in config as "{{name}}"',
        anyOf: [
          { type: 'object', additionalProperties: { $ref: '#/$defs/parameter' } },
          {
            type: 'array',
            description: 'The early original form: a list of named parameters, used as "{parameters.name}"',
            items: { $ref: '#/$defs/listedParameter' },
          },
        ],
      },
      tasks: { type: 'array', minItems: 1, items: { $ref: '#/$defs/task' } },
    },
    $defs: {
      parameter: {
        anyOf: [
          {
            type: 'object',
            properties: {
              description: { type: 'string' },
              default: { type: ['string', 'number', 'boolean'] },
              required: { type: 'boolean' },
              type: { enum: ['string', 'number', 'boolean'] },
            },
            additionalProperties: false,
          },
          { type: ['string', 'number', 'boolean'], description: 'Short form: the default value' },
        ],
      },
      listedParameter: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string' },
          description: { type: 'string' },
          default: { type: ['string', 'number', 'boolean'] },
          required: { type: 'boolean' },
          type: { enum: ['string', 'str', 'number', 'integer', 'int', 'float', 'boolean', 'bool'] },
        },
      },
      placeholder: {
        type: 'string',
        pattern: PLACEHOLDER_PATTERN,
        description: 'A workflow parameter, "{{name}}" (or the original\'s "{parameters.name}")',
      },
      task: {
        type: 'object',
        required: ['id', 'type'],
        properties: {
          id: { type: 'string', minLength: 1 },
          type: { enum: registry.types, description: '`narada workflow nodes` describes each type' },
          config: { type: 'object' },
          upstream: {
            type: 'array',
            items: { type: 'string' },
            description: 'Ids of the tasks this task reads',
          },
        },
        allOf: [
          ...registry.nodes.map((node) => configRule(node.type, node.description, configSchema(node))),
          ...registry.aliases.map((alias) =>
            configRule(alias.type, describeAlias(alias), aliasConfigSchema(alias, registry)),
          ),
        ],
      },
    },
  };
}

function configRule(type: string, description: string, config: JsonSchema): JsonSchema {
  return {
    if: { properties: { type: { const: type } }, required: ['type'] },
    then: { properties: { config: { description, ...withPlaceholders(config) } } },
  };
}

/** The config an alias takes: its node's, with the older key names beside today's. */
function aliasConfigSchema(alias: NodeAlias, registry: NodeRegistry): JsonSchema {
  const schema = configSchema(registry.require(alias.of));
  const properties = isJsonObject(schema.properties) ? { ...schema.properties } : {};
  for (const [older, today] of Object.entries(alias.renames ?? {})) {
    if (properties[today] !== undefined) properties[older] = properties[today];
  }
  const required = Array.isArray(schema.required) ? schema.required : [];
  // A renamed or upstream-defaulted key may be written either way, or (for a reference) left out.
  const stillRequired = required.filter(
    (key) =>
      !Object.values(alias.renames ?? {}).includes(key as string) && key !== alias.referenceFromUpstream,
  );
  return { ...schema, properties, required: stillRequired };
}

/** Every config value that is not already text may also be written as a `{{param}}` placeholder. */
function withPlaceholders(schema: JsonSchema): JsonSchema {
  if (!isJsonObject(schema.properties)) return schema;
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([key, property]) => {
      if (!isJsonObject(property) || acceptsText(property)) return [key, property];
      const { description, default: fallback, ...rest } = property;
      return [
        key,
        {
          ...(description === undefined ? {} : { description }),
          ...(fallback === undefined ? {} : { default: fallback }),
          anyOf: [rest, { $ref: '#/$defs/placeholder' }],
        },
      ];
    }),
  );
  return { ...schema, properties };
}

function acceptsText(schema: JsonSchema): boolean {
  if (schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'))) return true;
  return Array.isArray(schema.anyOf) && schema.anyOf.some((part) => isJsonObject(part) && acceptsText(part));
}

import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValidateWorkflow } from '../../../../src/application/use-cases/workflow/validate-workflow.js';
import { describeParams } from '../../../../src/application/workflow/node-schemas.js';
import { createNodeRegistry } from '../../../../src/application/workflow/nodes/all-nodes.js';
import { workflowJsonSchema } from '../../../../src/application/workflow/workflow-schema.js';

const WORKFLOWS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'workflows');
const registry = createNodeRegistry();

/** The value at a path of nested JSON objects and arrays. */
function at(value: unknown, ...path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    value,
  );
}

/** The config schema the file schema applies to tasks of `type`. */
function configFor(type: string): unknown {
  const rules = at(workflowJsonSchema(registry), '$defs', 'task', 'allOf') as unknown[];
  return at(
    rules.find((rule) => at(rule, 'if', 'properties', 'type', 'const') === type),
    'then',
    'properties',
    'config',
  );
}

describe('workflows/workflow.schema.json', () => {
  it('is what `npm run schema` generates from the node registry', () => {
    const committed: unknown = JSON.parse(readFileSync(join(WORKFLOWS, 'workflow.schema.json'), 'utf8'));
    expect(committed).toEqual(workflowJsonSchema(registry));
  });

  it("lists every node type and describes each one's config", () => {
    expect(at(workflowJsonSchema(registry), '$defs', 'task', 'properties', 'type', 'enum')).toEqual(
      registry.types,
    );
    expect(at(configFor('sorter.by_metric'), 'required')).toEqual(['metric_name']);
    expect(at(configFor('sorter.by_metric'), 'additionalProperties')).toEqual({});
  });

  it('lets a {{parameter}} stand where a number or true/false is expected', () => {
    expect(at(configFor('selector.limit_tracks'), 'properties', 'count')).toEqual({
      description: 'How many tracks to keep',
      default: 10,
      anyOf: [expect.objectContaining({ type: 'integer', minimum: 0 }), { $ref: '#/$defs/placeholder' }],
    });
    const pattern = at(workflowJsonSchema(registry), '$defs', 'placeholder', 'pattern') as string;
    expect(new RegExp(pattern).test('{{ size }}')).toBe(true);
  });
});

describe('the shipped workflows', () => {
  const files = readdirSync(WORKFLOWS).filter(
    (name) => name.endsWith('.json') && !name.endsWith('.schema.json'),
  );

  it.each(files)('%s passes validation', (name) => {
    const result = new ValidateWorkflow(registry).validate({
      text: readFileSync(join(WORKFLOWS, name), 'utf8'),
    });
    expect(result.issues).toEqual([]);
  });

  it('include the main job, its in-place variant, a discovery mix, a release-date sort and a play-history one', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'sort_by_plays.json',
        'sort_by_plays_in_place.json',
        'discovery_mix.json',
        'sort_by_release_date.json',
        'forgotten_favourites.json',
      ]),
    );
  });
});

describe('node parameter descriptions', () => {
  it('give each key its type, whether it is required, and its default', () => {
    expect(describeParams(registry.require('selector.limit_tracks'))).toEqual([
      {
        name: 'count',
        type: 'whole number',
        required: false,
        default: 10,
        description: 'How many tracks to keep',
      },
      expect.objectContaining({ name: 'method', type: 'first | last | random', default: 'first' }),
      expect.objectContaining({ name: 'seed', type: 'whole number', required: false }),
    ]);
    expect(describeParams(registry.require('sorter.by_metric'))[0]).toMatchObject({
      name: 'metric_name',
      required: true,
    });
  });
});

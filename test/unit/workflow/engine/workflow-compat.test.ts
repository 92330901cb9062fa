import { describe, expect, it } from '@jest/globals';
import { ValidateWorkflow } from '../../../../src/application/use-cases/workflow/validate-workflow.js';
import { NODE_ALIASES } from '../../../../src/application/workflow/node-aliases.js';
import { NodeRegistry } from '../../../../src/application/workflow/node-registry.js';
import { ALL_NODES, createNodeRegistry } from '../../../../src/application/workflow/nodes/all-nodes.js';
import { checkWorkflow, mainInputs } from '../../../../src/application/workflow/workflow-checks.js';
import { workflowJsonSchema } from '../../../../src/application/workflow/workflow-schema.js';
import { workflowText } from '../workflow-samples.js';

const registry = createNodeRegistry();
const source = (id: string) => ({
  id,
  type: 'source.spotify_playlist',
  config: { playlist_id: '37i9dQZF1DXcBWIGoYBM5M' },
});
const check = (tasks: readonly unknown[], strict = false) =>
  checkWorkflow({ text: workflowText(tasks), strict }, registry);

describe('older node type names', () => {
  it.each([
    ['transformer.deduplicate', 'filter.deduplicate'],
    ['transformer.filter_by_release_date', 'filter.by_release_date'],
    ['transformer.limit_tracks', 'selector.limit_tracks'],
    ['transformer.sort_by_plays', 'sorter.by_user_plays'],
    ['transformer.sort_by_popularity', 'sorter.by_spotify_popularity'],
    ['enricher.resolve_lastfm', 'enricher.lastfm'],
    ['filter.not_in_playlist', 'filter.by_tracks'],
    ['filter.not_artist_in_playlist', 'filter.by_artists'],
    ['selector.limit', 'selector.limit_tracks'],
    ['combiner.alternate_tracklists', 'combiner.interleave_playlists'],
    ['combiner.concatenate_tracklists', 'combiner.concatenate_playlists'],
    ['sorter.sort_by_user_plays', 'sorter.by_user_plays'],
  ])('runs %s as the node %s itself, not a copy', (alias, node) => {
    expect(registry.get(alias)).toBe(registry.get(node));
    expect(registry.types).toContain(alias);
    expect(registry.nodes.map((n) => n.type)).not.toContain(alias);
  });

  it('refuses an alias of a type that does not exist', () => {
    expect(() => new NodeRegistry(ALL_NODES, [...NODE_ALIASES, { type: 'x.y', of: 'x.z' }])).toThrow(
      'Alias "x.y" is of unknown type "x.z"',
    );
  });

  it('reads filter.not_in_playlist\'s "reference", or else its last upstream task, as exclusion_source', () => {
    const withReference = check([
      source('main'),
      source('ref'),
      { id: 'f', type: 'filter.not_in_playlist', config: { reference: 'ref' }, upstream: ['main', 'ref'] },
    ]);
    expect(withReference.issues).toEqual([]);
    const task = withReference.definition!.tasks[2]!;
    expect(task).toMatchObject({ type: 'filter.not_in_playlist', config: { exclusion_source: 'ref' } });
    expect(mainInputs(task, registry)).toEqual(['main']);
    const byUpstream = check([
      source('main'),
      source('ref'),
      { id: 'f', type: 'filter.not_artist_in_playlist', upstream: ['main', 'ref'] },
    ]);
    expect(byUpstream.definition!.tasks[2]!.config).toEqual({ exclusion_source: 'ref' });
  });

  it('names the older key in the problems of an alias task', () => {
    const { issues } = check([
      source('main'),
      { id: 'f', type: 'filter.not_in_playlist', config: { reference: 'nowhere' }, upstream: ['main'] },
      { id: 'g', type: 'filter.not_in_playlist', upstream: ['main'] },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        taskId: 'f',
        field: 'config.reference',
        message: 'names unknown task "nowhere"',
      }),
      expect.objectContaining({ taskId: 'g', field: 'config.reference', message: '"reference" is required' }),
    ]);
  });

  it('reads the sources of combiner.concatenate_tracklists as its order', () => {
    const result = check([
      source('a'),
      source('b'),
      {
        id: 'c',
        type: 'combiner.concatenate_tracklists',
        config: { sources: ['b', 'a'] },
        upstream: ['a', 'b'],
      },
    ]);
    expect(result.definition!.tasks[2]!.config).toEqual({ order: ['b', 'a'] });
  });
});

describe('tasks named in config but not in "upstream"', () => {
  it('become dependencies, as the original read them', () => {
    const result = check([
      source('main'),
      { id: 'f', type: 'filter.by_tracks', config: { exclusion_source: 'ref' }, upstream: ['main'] },
      source('ref'),
      { id: 'mix', type: 'combiner.merge_playlists', config: { sources: ['f', 'ref'] } },
    ]);
    expect(result.issues).toEqual([]);
    expect(result.definition!.tasks.map((task) => [task.id, task.upstream])).toEqual([
      ['main', []],
      ['f', ['main', 'ref']],
      ['ref', []],
      ['mix', ['f', 'ref']],
    ]);
  });

  it('stay an error when no such task exists, with the nearest task id', () => {
    const { issues } = check([
      source('main'),
      source('reference'),
      { id: 'f', type: 'filter.by_tracks', config: { exclusion_source: 'referense' }, upstream: ['main'] },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'WORKFLOW.INVALID_CONFIG',
        taskId: 'f',
        field: 'config.exclusion_source',
        message: 'names unknown task "referense"',
        hint: 'did you mean "reference"?',
      }),
    ]);
  });
});

describe('config keys no node reads', () => {
  const typo = [
    source('src'),
    {
      id: 'recent',
      type: 'filter.by_release_date',
      config: { max_age_dayz: 30, batch_size: 10 },
      upstream: ['src'],
    },
  ];

  it('are warnings naming the task, the key and the nearest known key; the workflow still runs', () => {
    const result = check(typo);
    expect(result.issues).toEqual([]);
    expect(result.definition).not.toBeNull();
    expect(result.warnings).toEqual([
      {
        code: 'WORKFLOW.UNKNOWN_CONFIG_KEY',
        severity: 'warning',
        taskId: 'recent',
        field: 'config.max_age_dayz',
        message: 'filter.by_release_date has no config key "max_age_dayz"; it is ignored',
        hint: 'did you mean "max_age_days"?',
      },
    ]);
  });

  it('are errors with strict', () => {
    const result = check(typo, true);
    expect(result.definition).toBeNull();
    expect(result.warnings).toEqual([]);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'WORKFLOW.UNKNOWN_CONFIG_KEY', severity: 'error', taskId: 'recent' }),
    ]);
  });

  it("leave the original's keys Narada has no need for alone", () => {
    const result = check([
      source('src'),
      {
        id: 'out',
        type: 'destination.update_playlist',
        config: {
          playlist_id: '37i9dQZF1DXcBWIGoYBM5M',
          operation_type: 'update_spotify',
          conflict_resolution: 'local_wins',
          preserve_order: true,
          concurrency: 4,
        },
        upstream: ['src'],
      },
    ]);
    expect(result.warnings).toEqual([]);
  });
});

describe('workflow validate', () => {
  it('gives every problem its severity, line and column', () => {
    const text = workflowText([
      source('src'),
      { id: 'recent', type: 'filter.by_release_date', config: { max_age_dayz: 30 }, upstream: ['src'] },
      { id: 'top', type: 'selector.limit_tracks', config: { count: 'ten' }, upstream: ['recent'] },
    ]);
    const result = new ValidateWorkflow(registry).validate({ text });
    const lineOf = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        taskId: 'top',
        field: 'config.count',
        line: lineOf('"count"'),
        column: text.split('\n')[lineOf('"count"') - 1]!.indexOf('"count"') + 1,
      }),
      expect.objectContaining({
        severity: 'warning',
        taskId: 'recent',
        field: 'config.max_age_dayz',
        line: lineOf('"max_age_dayz"'),
      }),
    ]);
  });
});

describe('the workflow JSON Schema', () => {
  const schema = workflowJsonSchema(registry) as {
    $defs: { task: { properties: { type: { enum: string[] } }; allOf: unknown[] } };
  };

  it('accepts the older names, with their older config keys', () => {
    expect(schema.$defs.task.properties.type.enum).toEqual(
      expect.arrayContaining(['transformer.sort_by_plays', 'filter.not_in_playlist']),
    );
    const rule = schema.$defs.task.allOf.find((r) =>
      JSON.stringify(r).includes('"const":"filter.not_in_playlist"'),
    ) as { then: { properties: { config: { properties: object; required: string[] } } } };
    expect(rule.then.properties.config.properties).toHaveProperty('reference');
    expect(rule.then.properties.config.required).toEqual([]);
  });
});

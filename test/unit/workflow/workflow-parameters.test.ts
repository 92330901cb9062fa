import { describe, expect, it } from '@jest/globals';
import type { WorkflowIssue } from '../../../src/domain/workflow/workflow-definition.js';
import { parseParameters, resolveParameters } from '../../../src/domain/workflow/workflow-parameters.js';
import { parseWorkflowText } from '../../../src/domain/workflow/workflow-parser.js';
import { workflowText } from './workflow-samples.js';

function resolve(
  parameters: unknown,
  config: Record<string, unknown>,
  provided: Record<string, string> = {},
) {
  const { definition, issues } = parseWorkflowText(
    workflowText(
      [{ id: 'pick', type: 'selector.limit_tracks', config }],
      parameters === undefined ? {} : { parameters },
    ),
  );
  expect(issues).toEqual([]);
  const resolved = resolveParameters(definition!, provided);
  return { config: resolved.definition.tasks[0]!.config, issues: resolved.issues };
}

describe('parseParameters', () => {
  it('reads declarations and the short { name: default } form', () => {
    const issues: WorkflowIssue[] = [];
    const parameters = parseParameters(
      {
        count: { description: 'how many tracks', default: 50 },
        playlist: { required: true },
        shuffle: false,
        label: 'Weekly',
      },
      issues,
    );
    expect(issues).toEqual([]);
    expect(parameters).toEqual([
      { name: 'count', description: 'how many tracks', defaultValue: 50, required: false, type: 'number' },
      { name: 'playlist', description: null, defaultValue: undefined, required: true, type: 'string' },
      { name: 'shuffle', description: null, defaultValue: false, required: false, type: 'boolean' },
      { name: 'label', description: null, defaultValue: 'Weekly', required: false, type: 'string' },
    ]);
  });

  it('reports declarations it cannot use, naming the parameter', () => {
    const issues: WorkflowIssue[] = [];
    parseParameters(
      { 'bad name': 1, count: { type: 'number', default: 'ten' }, x: { required: 'yes' } },
      issues,
    );
    expect(issues.map((issue) => [issue.field, issue.message])).toEqual([
      ['parameters["bad name"]', '"bad name" is not a usable parameter name'],
      ['parameters.count', '"default" must be a number'],
      ['parameters.x', '"required" must be true or false'],
    ]);
  });

  it('refuses parameters that are neither an object nor a list', () => {
    const issues: WorkflowIssue[] = [];
    expect(parseParameters('count', issues)).toEqual([]);
    expect(issues[0]).toMatchObject({ code: 'WORKFLOW.INVALID_PARAMETERS', field: 'parameters' });
  });

  it("reads the early original's list form, with its type words", () => {
    const issues: WorkflowIssue[] = [];
    const parameters = parseParameters(
      [
        { name: 'source_playlist_id', type: 'string', required: true, description: 'Playlist to sort' },
        { name: 'count', type: 'integer', required: false, default: 20 },
        { name: 'public', type: 'bool' },
      ],
      issues,
    );
    expect(issues).toEqual([]);
    expect(parameters).toEqual([
      {
        name: 'source_playlist_id',
        description: 'Playlist to sort',
        defaultValue: undefined,
        required: true,
        type: 'string',
      },
      { name: 'count', description: null, defaultValue: 20, required: false, type: 'number' },
      { name: 'public', description: null, defaultValue: undefined, required: false, type: 'boolean' },
    ]);
  });

  it('refuses a list entry without a name, a repeated name and an unknown type word', () => {
    const issues: WorkflowIssue[] = [];
    parseParameters(['count', { name: 'a' }, { name: 'a' }, { name: 'b', type: 'date' }], issues);
    expect(issues.map((issue) => [issue.field, issue.message])).toEqual([
      ['parameters[0]', expect.stringContaining('needs a "name"')],
      ['parameters[2]', 'parameter "a" is declared twice'],
      ['parameters[3].type', expect.stringContaining('"type" must be one of string, str, number, integer')],
    ]);
  });
});

describe('resolveParameters', () => {
  it("substitutes the early original's {parameters.name} like {{name}}", () => {
    const { config, issues } = resolve(
      [
        { name: 'count', type: 'integer', default: 20 },
        { name: 'who', type: 'string', required: true },
      ],
      { count: '{parameters.count}', name: 'Top {parameters.count} for {parameters.who}' },
      { who: 'me' },
    );
    expect(issues).toEqual([]);
    expect(config).toEqual({ count: 20, name: 'Top 20 for me' });
  });

  it('reports a {parameters.name} without a value like {{name}}', () => {
    const { issues } = resolve(undefined, { name: '{parameters.who}' });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'WORKFLOW.UNRESOLVED_PARAMETER', field: 'config.name' }),
    ]);
  });

  it.each(['toString', 'constructor', 'hasOwnProperty', '__proto__'])(
    'treats a parameter named %s as any other name, not as a member of an object',
    (name) => {
      const declared = resolve({ [name]: { required: true } }, { name: `{{${name}}}` });
      expect(declared.issues).toEqual([
        expect.objectContaining({
          code: 'WORKFLOW.MISSING_PARAMETER',
          message: `parameter "${name}" is required`,
        }),
      ]);
      const provided = Object.create(null) as Record<string, string>;
      provided[name] = 'given';
      expect(resolve({ [name]: { required: true } }, { name: `{{${name}}}` }, provided).config).toEqual({
        name: 'given',
      });
      expect(resolve(undefined, { name: `{{${name}}}` }).issues).toEqual([
        expect.objectContaining({ code: 'WORKFLOW.UNRESOLVED_PARAMETER' }),
      ]);
    },
  );

  it('gives a whole-string placeholder the typed value and interpolates inside text', () => {
    const { config, issues } = resolve(
      { count: { default: 50 } },
      { count: '{{count}}', name: 'Top {{ count }} of {{year}}', tags: ['{{year}}'] },
      { year: '2024' },
    );
    expect(issues).toEqual([]);
    expect(config).toEqual({ count: 50, name: 'Top 50 of 2024', tags: ['2024'] });
  });

  it('reads --param strings as the declared type', () => {
    const declared = { count: { type: 'number' }, reverse: { default: false } };
    const config = { count: '{{count}}', reverse: '{{reverse}}' };
    expect(resolve(declared, config, { count: '25', reverse: 'yes' }).config).toEqual({
      count: 25,
      reverse: true,
    });
  });

  it('reports a --param value of the wrong type', () => {
    const { issues } = resolve({ count: 10 }, { count: '{{count}}' }, { count: 'ten' });
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'WORKFLOW.INVALID_PARAMETER_VALUE',
        field: '--param count',
        message: '"ten" is not a number',
      }),
    ]);
  });

  it('names the task and config path of a placeholder left without a value', () => {
    const { issues, config } = resolve(undefined, { filters: [{ name: 'x' }, { name: 'by {{artist}}' }] });
    expect(issues).toEqual([
      {
        code: 'WORKFLOW.UNRESOLVED_PARAMETER',
        taskId: 'pick',
        field: 'config.filters[1].name',
        message: '{{artist}} has no value',
        hint: 'pass --param artist=<value> or give it a "default" under "parameters"',
      },
    ]);
    expect(config).toEqual({ filters: [{ name: 'x' }, { name: 'by {{artist}}' }] });
  });

  it('suggests a declared parameter for a misspelt placeholder', () => {
    const { issues } = resolve({ count: 5 }, { count: '{{cuont}}' });
    expect(issues[0]).toMatchObject({ field: 'config.count', hint: 'did you mean {{count}}?' });
  });

  it('reports a required parameter once, not at every use', () => {
    const { issues } = resolve(
      { playlist: { required: true, description: 'playlist to fill' } },
      { playlist_id: '{{playlist}}', note: 'for {{playlist}}' },
    );
    expect(issues).toEqual([
      {
        code: 'WORKFLOW.MISSING_PARAMETER',
        field: 'parameters.playlist',
        message: 'parameter "playlist" is required (playlist to fill)',
        hint: 'pass --param playlist=<value>',
      },
    ]);
  });

  it('reports a --param the workflow does not use, with the nearest name', () => {
    const { issues } = resolve({ count: 5 }, { count: '{{count}}' }, { cout: '3', zzz: '1' });
    expect(issues.map((issue) => [issue.message, issue.hint])).toEqual([
      ['"cout" is not a parameter of this workflow', 'did you mean --param count?'],
      ['"zzz" is not a parameter of this workflow', 'this workflow takes: count'],
    ]);
  });

  it('leaves config without placeholders untouched, keys included', () => {
    const config = { '{{key}}': 1, nested: { deep: [1, true, null] } };
    expect(resolve(undefined, config).config).toEqual(config);
  });
});

import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedByPlays } from '../../fakes/seed/demo-library.js';
import { useSeededWorld, type RunJson } from './workflow-e2e-kit.js';

const ORIGINALS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'workflows-original');

describe('narada workflow with files of the original narada, and files no workflow could be', () => {
  const world = useSeededWorld();
  const file = (name: string, text: string): string => {
    const path = join(world.home, name);
    writeFileSync(path, text);
    return path;
  };
  const typo = () =>
    file(
      'typo.json',
      JSON.stringify(
        {
          id: 'typo',
          tasks: [
            { id: 'src', type: 'source.spotify_playlist', config: { playlist_id: world.library.playlistId } },
            { id: 'recent', type: 'filter.by_release_date', config: { max_age_dayz: 30 }, upstream: ['src'] },
            {
              id: 'out',
              type: 'destination.create_internal_playlist',
              config: { name: 'x' },
              upstream: ['recent'],
            },
          ],
        },
        null,
        2,
      ),
    );

  it('runs a component-era file (transformer.* types, list-form parameters, {parameters.x}) unchanged', async () => {
    const result = await world.narada([
      'workflow',
      'run',
      join(ORIGINALS, 'component_sort_by_plays.json'),
      '--param',
      `source_playlist_id=${world.library.playlistId}`,
      '--json',
    ]);
    expect(result.stderr).not.toContain('narada:');
    expect(result.code).toBe(0);
    const run = result.json<RunJson>();
    const saved = run.tasks.find((task) => task.taskId === 'save')!;
    const created = world.spotify.playlist((saved.details.playlist as { id: string }).id);
    expect(created.name).toBe('Most Played');
    expect(created.entries.map((e) => e.uri.replace('spotify:track:', ''))).toEqual(
      expectedByPlays(world.library).slice(0, 8),
    );
  });

  it('workflow nodes lists the older names and the node each is an alias of', async () => {
    const result = await world.narada(['workflow', 'nodes']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('transformer.sort_by_plays — alias of sorter.by_user_plays');
    expect(result.stdout).toContain(
      'filter.not_in_playlist — alias of filter.by_tracks (older narada name); config "reference" for "exclusion_source"',
    );
  });

  it('validate warns about a config key no node reads, naming the task and the nearest key; --strict makes it exit 2', async () => {
    const path = typo();
    const lenient = await world.narada(['workflow', 'validate', path]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain(
      'warning: line 15, column 9, task "recent", config.max_age_dayz: filter.by_release_date has no config key "max_age_dayz"; it is ignored (did you mean "max_age_days"?)',
    );
    const strict = await world.narada(['workflow', 'validate', path, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('config.max_age_dayz: filter.by_release_date has no config key');
  });

  it('validate --json returns the issues with severity, task, field, line and column', async () => {
    const result = await world.narada(['workflow', 'validate', typo(), '--json']);
    expect(result.code).toBe(0);
    expect(result.json<{ valid: boolean; issues: unknown[] }>()).toMatchObject({
      valid: true,
      issues: [
        {
          severity: 'warning',
          taskId: 'recent',
          field: 'config.max_age_dayz',
          line: 15,
          column: 9,
          message: expect.stringContaining('"max_age_dayz"'),
        },
      ],
    });
  });

  it('validate --json of a file with errors prints the same document, errors first, and exits 2', async () => {
    const text = readFileSync(typo(), 'utf8').replace('"filter.by_release_date"', '"filter.by_release_dat"');
    const result = await world.narada(['workflow', 'validate', file('broken.json', text), '--json']);
    expect(result.code).toBe(2);
    const documents = result.stdout
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(documents).toHaveLength(1);
    expect(result.json<{ valid: boolean; issues: Array<Record<string, unknown>> }>()).toMatchObject({
      valid: false,
      issues: [
        {
          severity: 'error',
          taskId: 'recent',
          field: 'type',
          line: expect.any(Number),
          column: expect.any(Number),
          message: expect.stringContaining('filter.by_release_dat'),
        },
      ],
    });
  });

  it('run warns about the key and runs; with --strict it exits 2 before calling Spotify', async () => {
    const path = typo();
    const lenient = await world.narada(['workflow', 'run', path, '--dry-run']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain('has no config key "max_age_dayz"');
    const before = world.spotify.apiCalls().length;
    const strict = await world.narada(['workflow', 'run', path, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).not.toContain('unexpected error');
    expect(world.spotify.apiCalls()).toHaveLength(before);
  });

  it('refuses 100,000 nested arrays with the position, not a stack overflow (exit 2)', async () => {
    const deep = `{"id": "deep", "tasks": [{"id": "s", "type": "source.spotify_playlist", "config": {"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}]}`;
    const result = await world.narada(['workflow', 'validate', file('deep.json', deep)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('line 1, column');
    expect(result.stderr).toContain('nesting deeper than 64 levels');
    expect(result.stderr).not.toContain('unexpected error');
  });

  it('refuses a file over 5 MB before reading it (exit 2)', async () => {
    const big = file('big.json', `{"id": "big", "tasks": [], "pad": "${'x'.repeat(6 * 1024 * 1024)}"}`);
    const result = await world.narada(['workflow', 'run', big]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a workflow file may be at most 5 MB');
  });

  it('treats parameters named toString, constructor, __proto__ and hasOwnProperty as names, never crashing', async () => {
    const names = ['toString', 'constructor', '__proto__', 'hasOwnProperty'];
    const path = file(
      'members.json',
      JSON.stringify({
        id: 'members',
        parameters: Object.fromEntries(names.map((name) => [name, { required: true }])),
        tasks: [
          { id: 'src', type: 'source.spotify_playlist', config: { playlist_id: world.library.playlistId } },
          {
            id: 'out',
            type: 'destination.create_internal_playlist',
            config: { name: names.map((name) => `{{${name}}}`).join('-') },
            upstream: ['src'],
          },
        ],
      }),
    );
    const missing = await world.narada(['workflow', 'run', path, '--dry-run']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('parameter "toString" is required');
    expect(missing.stderr).toContain('parameter "__proto__" is required');
    expect(missing.stderr).not.toContain('unexpected error');
    const given = await world.narada([
      'workflow',
      'run',
      path,
      '--dry-run',
      '--json',
      ...names.flatMap((name) => ['--param', `${name}=${name.length}`]),
    ]);
    expect(given.stderr).not.toContain('narada:');
    expect(given.code).toBe(0);
    const undeclared = await world.narada(['workflow', 'validate', typo(), '--param', '__proto__=x']);
    expect(undeclared.code).toBe(2);
    expect(undeclared.stderr).toContain('"__proto__" is not a parameter of this workflow');
  });
});

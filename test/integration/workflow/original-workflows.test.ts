import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValidateWorkflow } from '../../../src/application/use-cases/workflow/validate-workflow.js';
import type { WorkflowRun } from '../../../src/domain/workflow/workflow-run.js';
import { TOKENS } from '../../../src/infrastructure/di/tokens.js';
import { WORKFLOW } from '../../../src/infrastructure/di/workflow.tokens.js';
import {
  DEMO_SONGS,
  expectedByPlays,
  seedDemoLibrary,
  type DemoLibrary,
} from '../../fakes/seed/demo-library.js';
import { trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import type { FakeTrack } from '../../fakes/spotify/fake-spotify-model.js';
import { startWorkflowWorld, type WorkflowWorld } from './workflow-test-kit.js';

const ORIGINALS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'workflows-original');
const original = (name: string): string => readFileSync(join(ORIGINALS, name), 'utf8');
const DAY = 86_400_000;

/** The playlist ids the fixture files name. */
const IDS = {
  source: '4uLU6hMCjMI75M1A2tKUQC',
  other: '3cEYpjA9oz9GiPac4AsH4n',
  heard: '1ORlMUo5lEe0PPwL2eNqXs',
  skip: '7xGfFoTpQ2E7fRF5lN10tr',
};

describe('workflow files in the original narada shapes, run with SQLite and the services over HTTP', () => {
  let world: WorkflowWorld;
  let library: DemoLibrary;
  let t: readonly FakeTrack[];
  const other = (): FakeTrack[] => [t[11]!, t[10]!, t[9]!, t[0]!];
  const heard = (): FakeTrack[] => [t[1]!, t[9]!];

  beforeAll(async () => {
    world = await startWorkflowWorld();
    library = seedDemoLibrary(world.spotify, world.lastfm);
    t = library.tracks;
    const playlist = (id: string, tracks: readonly FakeTrack[]) =>
      world.spotify.addPlaylist({ id, name: id, entries: tracks.map(trackUri) });
    playlist(IDS.source, t);
    playlist(IDS.other, other());
    playlist(IDS.heard, heard());
    // Kestrel is the primary artist of tracks 3 and 9.
    playlist(IDS.skip, [t[3]!]);
  });

  afterAll(() => world.close());

  const run = async (name: string, parameters: Record<string, string> = {}): Promise<WorkflowRun> => {
    const runner = await world.runner();
    return runner.run({ text: original(name), source: name, parameters, dryRun: false });
  };
  const createdIds = (result: WorkflowRun): string[] => {
    const details = result.tasks.find(
      (task) => task.taskId === 'destination' || task.taskId === 'save',
    )?.details;
    const id = (details?.playlist as { id: string }).id;
    return world.spotify.playlist(id).entries.map((entry) => entry.uri.replace('spotify:track:', ''));
  };
  const playsOf = (track: FakeTrack): number | null => library.plays.get(track.id) ?? null;
  const byPlays = (tracks: readonly FakeTrack[]): string[] =>
    tracks
      .map((track, index) => ({ track, index, plays: playsOf(track) }))
      .sort(
        (a, b) =>
          (a.plays === null ? 1 : 0) - (b.plays === null ? 1 : 0) ||
          (b.plays ?? 0) - (a.plays ?? 0) ||
          a.index - b.index,
      )
      .map(({ track }) => track.id);

  it.each(readdirSync(ORIGINALS).filter((name) => name.endsWith('.json')))(
    '%s validates with no error and no warning',
    async (name) => {
      const validator = new ValidateWorkflow(await world.container.get(WORKFLOW.Registry));
      const result = validator.validate({ text: original(name), parameters: {} });
      expect(result.issues).toEqual([]);
      expect(result.valid).toBe(true);
    },
  );

  it('runs the component-era sort: list-form parameters, {parameters.x}, transformer.* and resolve_lastfm', async () => {
    const result = await run('component_sort_by_plays.json', { source_playlist_id: IDS.source });
    expect(result.status).toBe('succeeded');
    expect(result.tasks.map((task) => [task.taskId, task.type])).toEqual([
      ['source', 'source.spotify_playlist'],
      ['resolve', 'enricher.resolve_lastfm'],
      ['dedupe', 'transformer.deduplicate'],
      ['sort', 'transformer.sort_by_plays'],
      ['top', 'transformer.limit_tracks'],
      ['save', 'destination.create_spotify_playlist'],
    ]);
    expect(createdIds(result)).toEqual(expectedByPlays(library).slice(0, 8));
  });

  it('runs the component-era discovery: the second upstream task is the reference of filter.not_in_playlist', async () => {
    const result = await run('component_discovery.json');
    expect(result.status).toBe('succeeded');
    const released = new Map(t.map((track, index) => [track.id, Date.parse(DEMO_SONGS[index]!.released)]));
    const recent = [...t, ...other()].filter((track) => Date.now() - released.get(track.id)! <= 3650 * DAY);
    const expected = [...new Map(recent.map((track) => [track.id, track])).values()]
      .filter((track) => !heard().includes(track))
      .filter((track) => track.artists[0]!.name !== 'Kestrel')
      .map((track) => track.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(createdIds(result)).toEqual(expected);
  });

  it('runs the tracklist-era mix, reading tasks named only in config as dependencies', async () => {
    const result = await run('tracklist_mix.json');
    expect(result.status).toBe('succeeded');
    const alternate = [t[0]!, other()[0]!, t[1]!, other()[1]!, t[2]!, other()[2]!];
    const unheard = [...alternate, ...other()].filter((track) => !heard().includes(track));
    expect(createdIds(result)).toEqual(byPlays(unheard));
    const order = result.tasks.map((task) => task.taskId);
    expect(order.indexOf('source_b')).toBeLessThan(order.indexOf('joined'));
    expect(order.indexOf('heard')).toBeLessThan(order.indexOf('unheard'));
  });

  it('runs filter.by_play_history with after_date, before_date and days_forward', async () => {
    const result = await run('play_history_dates.json');
    expect(result.status).toBe('succeeded');
    expect(result.tasks.every((task) => task.status === 'succeeded')).toBe(true);
    const { playlists } = await world.container.get(TOKENS.Repositories);
    expect((await playlists.list()).map((playlist) => playlist.name)).toContain('Played Since');
  });

  it("updates a playlist in place, accepting the original's update options it does not need", async () => {
    const result = await run('update_in_place.json');
    expect(result.status).toBe('succeeded');
    expect(world.spotify.playlistUris(IDS.source).map((uri) => uri.replace('spotify:track:', ''))).toEqual(
      expectedByPlays(library),
    );
  });
});

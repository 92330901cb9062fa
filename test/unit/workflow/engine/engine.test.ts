import { describe, expect, it } from '@jest/globals';
import { executeWorkflow, type TaskRunner } from '../../../../src/application/workflow/engine.js';
import { InvalidInputError } from '../../../../src/domain/shared/errors.js';
import { trackList, type TrackList } from '../../../../src/domain/workflow/track-list.js';
import type {
  WorkflowDefinition,
  WorkflowTask,
} from '../../../../src/domain/workflow/workflow-definition.js';
import { aTrack } from '../../../builders/index.js';

function workflow(tasks: readonly [id: string, upstream?: readonly string[]][]): WorkflowDefinition {
  return {
    id: 'w',
    name: 'W',
    description: '',
    version: null,
    parameters: [],
    tasks: tasks.map(([id, upstream = []]) => ({ id, type: `test.${id}`, config: {}, upstream })),
  };
}

/** A clock that only moves when told to, so durations are exact. */
function manualClock() {
  let now = 1_000;
  const tick = (ms: number) => void (now += ms);
  return { now: () => now, tick, sleep: async (ms: number) => tick(Math.max(0, ms)) };
}

const listOf = (n: number): TrackList => trackList(Array.from({ length: n }, () => aTrack()));

describe('executeWorkflow', () => {
  it('runs every task after the tasks it reads, handing it their outputs in upstream order', async () => {
    const seen: string[] = [];
    const run: TaskRunner = async (task, inputs) => {
      seen.push(`${task.id}<${[...inputs.keys()].join(',')}>`);
      return { output: listOf(task.id === 'a' ? 2 : 1) };
    };
    const definition = workflow([['join', ['b', 'a']], ['a'], ['b']]);

    const { results } = await executeWorkflow(definition, run, { clock: manualClock() });

    expect(seen).toEqual(['a<>', 'b<>', 'join<b,a>']);
    expect(results.find((r) => r.taskId === 'join')).toMatchObject({
      status: 'succeeded',
      inputCount: 3,
      outputCount: 1,
    });
  });

  it('runs independent branches at the same time', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const running = new Set<string>();
    let overlapped = false;
    const run: TaskRunner = async (task) => {
      running.add(task.id);
      if (running.has('left') && running.has('right')) {
        overlapped = true;
        release();
      }
      if (task.id !== 'end') await Promise.race([gate, new Promise((r) => setTimeout(r, 200))]);
      running.delete(task.id);
      return { output: listOf(1) };
    };

    await executeWorkflow(workflow([['left'], ['right'], ['end', ['left', 'right']]]), run, {
      clock: manualClock(),
    });

    expect(overlapped).toBe(true);
  });

  it("records each task's counts and duration", async () => {
    const clock = manualClock();
    const run: TaskRunner = async (task, inputs) => {
      clock.tick(task.id === 'slow' ? 250 : 5);
      const input = [...inputs.values()][0];
      return { output: input ? trackList(input.tracks.slice(1)) : listOf(4), details: { note: task.id } };
    };

    const { results } = await executeWorkflow(workflow([['slow'], ['trim', ['slow']]]), run, { clock });

    expect(results).toEqual([
      expect.objectContaining({
        taskId: 'slow',
        inputCount: 0,
        outputCount: 4,
        durationMs: 250,
        details: { note: 'slow' },
      }),
      expect.objectContaining({ taskId: 'trim', inputCount: 4, outputCount: 3, durationMs: 5 }),
    ]);
  });

  it('stops the dependents of a failed task, says which failed and why, and lets other branches finish', async () => {
    const ran: string[] = [];
    const run: TaskRunner = async (task: WorkflowTask) => {
      ran.push(task.id);
      if (task.id === 'enrich') throw new InvalidInputError('LASTFM.AUTH', 'Last.fm login needed');
      return { output: listOf(1) };
    };
    const definition = workflow([
      ['source'],
      ['enrich', ['source']],
      ['sort', ['enrich']],
      ['write', ['sort']],
      ['other'],
    ]);

    const { results, failures } = await executeWorkflow(definition, run, { clock: manualClock() });

    expect(ran.sort()).toEqual(['enrich', 'other', 'source']);
    expect(failures).toEqual([
      expect.objectContaining({ taskId: 'enrich', message: 'Last.fm login needed' }),
    ]);
    const byId = Object.fromEntries(results.map((r) => [r.taskId, r]));
    expect(byId.enrich).toMatchObject({
      status: 'failed',
      error: 'Last.fm login needed',
      details: { code: 'LASTFM.AUTH' },
    });
    expect(byId.sort).toMatchObject({ status: 'skipped', error: 'not run: upstream task "enrich" failed' });
    expect(byId.write).toMatchObject({
      status: 'skipped',
      error: 'not run: upstream task "sort" did not run',
    });
    expect(byId.other?.status).toBe('succeeded');
  });

  it('keeps warnings of a task that succeeded', async () => {
    const run: TaskRunner = async () => ({ output: listOf(0), warnings: ['heads up'] });
    const { results } = await executeWorkflow(workflow([['only']]), run, { clock: manualClock() });
    expect(results[0]?.details).toEqual({ warnings: ['heads up'] });
  });

  it('tells its progress when tasks start and finish, and hands each task the counts it was given', async () => {
    const events: string[] = [];
    const run: TaskRunner = async (task, _inputs, counts) => {
      counts.setTotal(task.id === 'a' ? 2 : 1);
      counts.advance();
      return { output: listOf(0) };
    };
    await executeWorkflow(workflow([['a'], ['b', ['a']]]), run, {
      clock: manualClock(),
      progress: {
        taskStarted: (task) => {
          events.push(`start ${task.id}`);
          return {
            setTotal: (total) => events.push(`${task.id} of ${total}`),
            advance: (by = 1) => events.push(`${task.id} +${by}`),
          };
        },
        taskFinished: (result) => events.push(`${result.status} ${result.taskId}`),
      },
    });
    expect(events).toEqual([
      'start a',
      'a of 2',
      'a +1',
      'succeeded a',
      'start b',
      'b of 1',
      'b +1',
      'succeeded b',
    ]);
  });
});

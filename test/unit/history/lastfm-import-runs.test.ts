import { beforeEach, describe, expect, it } from '@jest/globals';
import { planLastfmRuns } from '../../../src/application/history/lastfm-import-runs.js';
import { LASTFM_SCROBBLE_MAX_AGE_MS } from '../../../src/domain/history/lastfm-history-window.js';
import { InMemoryImportRuns } from './in-memory-import-runs.js';

const NOW = Date.UTC(2025, 5, 1);
const DAY = 86_400_000;

describe('planLastfmRuns', () => {
  let runs: InMemoryImportRuns;
  beforeEach(() => {
    runs = new InMemoryImportRuns();
  });

  it('reads the whole history up to now the first time', async () => {
    expect(await planLastfmRuns(runs, 'ana', {}, NOW)).toEqual([
      { kind: 'history:lastfm:ana', from: null, to: NOW, resumes: null, startAt: null },
    ]);
  });

  it('continues from the last run’s end, minus the 14 days in which late scrobbles may land', async () => {
    const done = await runs.start('history:lastfm:ana', { from: null, to: NOW - 30 * DAY }, NOW - 30 * DAY);
    await runs.finish(done.id, 'completed', NOW - 30 * DAY);
    const [plan] = await planLastfmRuns(runs, 'ana', {}, NOW);
    expect(plan).toMatchObject({ from: NOW - 30 * DAY - LASTFM_SCROBBLE_MAX_AGE_MS, to: NOW, resumes: null });
  });

  it('resumes an unfinished run at its cursor, then catches up to now', async () => {
    const crashed = await runs.start('history:lastfm:ana', { from: null, to: NOW - DAY }, NOW - DAY);
    await runs.updateProgress(crashed.id, {
      ...crashed.progress,
      pagesDone: 3,
      cursor: String(NOW - 40 * DAY),
    });
    await runs.finish(crashed.id, 'interrupted', NOW - DAY, 'its process ended');
    const plans = await planLastfmRuns(runs, 'ana', {}, NOW);
    expect(plans).toHaveLength(2);
    expect(plans[0]).toMatchObject({ from: null, to: NOW - DAY, startAt: NOW - 40 * DAY });
    expect(plans[0]!.resumes?.id).toBe(crashed.id);
    expect(plans[1]).toMatchObject({ from: NOW - DAY - LASTFM_SCROBBLE_MAX_AGE_MS, to: NOW, resumes: null });
  });

  it('covers exactly an explicit range, resuming it only when the same range is asked for again', async () => {
    const range = { since: NOW - 100 * DAY, until: NOW - 50 * DAY };
    const [first] = await planLastfmRuns(runs, 'ana', range, NOW);
    expect(first).toEqual({
      kind: 'history:lastfm:ana:range',
      from: range.since,
      to: range.until,
      resumes: null,
      startAt: range.since,
    });

    const stopped = await runs.start(first!.kind, { from: range.since, to: range.until }, NOW);
    await runs.finish(stopped.id, 'failed', NOW, 'Last.fm is not answering');
    expect((await planLastfmRuns(runs, 'ana', range, NOW))[0]!.resumes).not.toBeNull();
    expect((await planLastfmRuns(runs, 'ana', { since: NOW - 99 * DAY }, NOW))[0]!.resumes).toBeNull();
  });

  describe('by year (the LastYear page)', () => {
    const Y2024 = Date.UTC(2024, 0, 1);
    const Y2025 = Date.UTC(2025, 0, 1);

    it('reads a past year whole the first time, as its own history', async () => {
      expect(await planLastfmRuns(runs, 'ana', { year: 2024 }, NOW)).toEqual([
        { kind: 'history:lastfm:ana:2024', from: Y2024, to: Y2025, resumes: null, startAt: Y2024 },
      ]);
    });

    it('reads nothing more of a year read to its end', async () => {
      const done = await runs.start('history:lastfm:ana:2024', { from: Y2024, to: Y2025 }, NOW - DAY);
      await runs.finish(done.id, 'completed', NOW - DAY);
      expect(await planLastfmRuns(runs, 'ana', { year: 2024 }, NOW)).toEqual([]);
    });

    it('reads the current year up to now, then goes on from its last end (minus 14 days)', async () => {
      const [first] = await planLastfmRuns(runs, 'ana', { year: 2025 }, NOW);
      expect(first).toMatchObject({ from: Y2025, to: NOW });
      const done = await runs.start(first!.kind, { from: Y2025, to: NOW }, NOW);
      await runs.finish(done.id, 'completed', NOW);
      const later = NOW + 30 * DAY;
      expect(await planLastfmRuns(runs, 'ana', { year: 2025 }, later)).toEqual([
        {
          kind: 'history:lastfm:ana:2025',
          from: NOW - LASTFM_SCROBBLE_MAX_AGE_MS,
          to: later,
          resumes: null,
          startAt: NOW - LASTFM_SCROBBLE_MAX_AGE_MS,
        },
      ]);
    });

    it('resumes a stopped year at its cursor, and reads nothing past the year', async () => {
      const stopped = await runs.start('history:lastfm:ana:2024', { from: Y2024, to: Y2025 }, NOW);
      await runs.updateProgress(stopped.id, { ...stopped.progress, cursor: String(Y2024 + 100 * DAY) });
      await runs.finish(stopped.id, 'failed', NOW, 'The server stopped');
      const plans = await planLastfmRuns(runs, 'ana', { year: 2024 }, NOW);
      expect(plans).toHaveLength(1);
      expect(plans[0]).toMatchObject({ from: Y2024, to: Y2025, startAt: Y2024 + 100 * DAY });
      expect(plans[0]!.resumes?.id).toBe(stopped.id);
    });
  });

  it('refuses to take over a run another live process is still doing', async () => {
    const live = await runs.start('history:lastfm:ana', { from: null, to: NOW - DAY }, NOW - DAY);
    const refusal = planLastfmRuns(runs, 'ana', {}, NOW);
    await expect(refusal).rejects.toMatchObject({ code: 'HISTORY.IMPORT_RUNNING', category: 'failure' });
    await expect(refusal).rejects.toThrow(
      `Import run ${live.id} of this Last.fm history, started 2025-05-31T00:00:00.000Z, is still running in process ${process.pid} on this-host`,
    );
  });

  it('keeps each Last.fm user’s runs apart', async () => {
    await runs.start('history:lastfm:bo', { from: null, to: NOW - DAY }, NOW - DAY);
    expect((await planLastfmRuns(runs, 'ana', {}, NOW))[0]!.resumes).toBeNull();
  });
});

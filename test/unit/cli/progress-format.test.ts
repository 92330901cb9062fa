import { describe, expect, it } from '@jest/globals';
import {
  bar,
  estimateRemainingMs,
  formatDuration,
  progressLine,
} from '../../../src/infrastructure/cli/views/progress-format.js';
import { PlainProgressReporter } from '../../../src/infrastructure/cli/views/plain-progress.js';

describe('progress formatting', () => {
  it('estimates the remaining time from the average rate so far', () => {
    const p = { label: 'import', done: 250, total: 1000, startedAt: 0, detail: null };
    expect(estimateRemainingMs(p, 10_000)).toBe(30_000);
    expect(progressLine(p, 10_000)).toBe('import: 250/1000 (25%)  ETA 0:30');
  });

  it('has no ETA without a total or before the first item', () => {
    expect(
      estimateRemainingMs({ label: 'x', done: 5, total: null, startedAt: 0, detail: null }, 10),
    ).toBeNull();
    expect(estimateRemainingMs({ label: 'x', done: 0, total: 9, startedAt: 0, detail: null }, 10)).toBeNull();
  });

  it('formats durations and bars', () => {
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(61_000)).toBe('1:01');
    expect(bar(5, 10, 10)).toBe('█████░░░░░');
  });

  it('prints plain progress at most once per interval, and always the end', () => {
    let now = 0;
    const lines: string[] = [];
    const reporter = new PlainProgressReporter(
      (l) => lines.push(l),
      () => now,
      1000,
    );
    const task = reporter.task('pages', 4);
    now = 1500;
    task.advance();
    now = 1600;
    task.advance();
    now = 3000;
    task.advance(1, 'page 3');
    task.done('3 new');
    expect(lines).toEqual([
      'pages: 1/4 (25%)  ETA 0:05',
      'pages: 3/4 (75%)  ETA 0:01  page 3',
      'pages: done in 0:03 — 3 new',
    ]);
  });
});

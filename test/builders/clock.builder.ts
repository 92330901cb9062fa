// A clock for code that reads the time but never waits: `now` as given, and a sleep that returns at
// once, moving no time (a test that checks waits uses ManualClock or FastForwardClock instead).
import type { Clock } from '../../src/application/ports/clock.port.js';

export function aClock(now: () => number): Clock {
  return { now, sleep: async () => {} };
}

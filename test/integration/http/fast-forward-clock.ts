// A clock whose sleeps return at once but move its time forward, so retry waits of seconds or
// minutes run instantly against a real socket while still being recorded for assertions.
import type { Clock } from '../../../src/application/ports/clock.port.js';

export class FastForwardClock implements Clock {
  readonly sleeps: number[] = [];
  private offset = 0;

  now = (): number => Date.now() + this.offset;

  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.offset += Math.max(0, ms);
  };
}

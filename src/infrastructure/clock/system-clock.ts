// The one Clock on real time: the composition root binds it, and the HTTP layer falls back to it.
import type { Clock } from '../../application/ports/clock.port.js';

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

// Time comes in through a port so use cases stay testable.

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

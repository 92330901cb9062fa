// Time comes in through a port so use cases, the workflow engine and the HTTP layer stay testable:
// a test clock can stand still, step, or let a wait of minutes pass at once.

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves once `ms` have passed on this clock (at once for ms ≤ 0). */
  sleep(ms: number): Promise<void>;
}

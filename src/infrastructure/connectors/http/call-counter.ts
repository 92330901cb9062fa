// Counts the HTTP calls each service endpoint received in this process (retries included, since
// each attempt spends upstream quota), for run reports and the benches.
import type { ServiceName } from '../../../domain/shared/service.js';

export class CallCounter {
  private readonly counts = new Map<string, number>();

  record(service: ServiceName, endpoint: string): void {
    const key = `${service} ${endpoint}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Counts keyed `"spotify GET /me/tracks"`. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** All calls, or those of one service. */
  total(service?: ServiceName): number {
    let sum = 0;
    for (const [key, count] of this.counts) {
      if (service === undefined || key.startsWith(`${service} `)) sum += count;
    }
    return sum;
  }
}

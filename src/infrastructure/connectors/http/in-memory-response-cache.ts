// A ResponseCache that lives as long as the process: for tests and one-off runs without a database.
import type { CachedResponse, ResponseCache } from '../../../application/ports/response-cache.port.js';

export class InMemoryResponseCache implements ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();

  async get(service: string, key: string): Promise<CachedResponse | null> {
    return this.entries.get(`${service}\u001f${key}`) ?? null;
  }

  async put(service: string, key: string, body: string, fetchedAt: number): Promise<void> {
    this.entries.set(`${service}\u001f${key}`, { body, fetchedAt });
  }

  get size(): number {
    return this.entries.size;
  }
}

// A durable cache of upstream responses that do not change (MusicBrainz look-ups).

export interface CachedResponse {
  readonly body: string;
  readonly fetchedAt: number;
}

export interface ResponseCache {
  get(service: string, key: string): Promise<CachedResponse | null>;
  put(service: string, key: string, body: string, fetchedAt: number): Promise<void>;
}

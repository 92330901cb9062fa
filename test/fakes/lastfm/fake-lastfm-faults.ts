// Deterministic faults of the fake Last.fm aimed at one method (and one page of it): what real
// Last.fm does now and then to a read — an HTTP 200 page with no entry while its paging says it has
// some, a body cut short, error 8 — and a request left unanswered until released (a slow page, so a
// test can kill the client mid-run).
import type { FakeResponse } from '../fake-http-server.js';
import { lastfmError } from './fake-lastfm-wire.js';

export type FakeLastfmFault =
  /** HTTP 200 with the page's list emptied and its real paging attributes. */
  | 'empty'
  /** HTTP 200 with the first half of the page's real JSON text. */
  | 'truncated'
  /** The Last.fm error envelope of this code. */
  | { readonly error: number }
  /** No answer until the fault is cleared; then the real answer. */
  | 'hold';

export interface FakeLastfmFaultOptions {
  /** Only requests for this page (`page` parameter, 1 when absent). */
  readonly page?: number;
  /** How many matching requests get the fault; default 1. */
  readonly times?: number | 'always';
}

export interface FakeLastfmFaultHandle {
  /** Matching requests that got the fault so far. */
  hits(): number;
  /** Resolves when the first matching request arrives. */
  readonly reached: Promise<void>;
  /** Ends the fault: later requests get the real answer, and held ones are answered now. */
  clear(): void;
}

interface ActiveFault {
  readonly method: string;
  readonly fault: FakeLastfmFault;
  readonly page: number | undefined;
  left: number;
  hits: number;
  readonly arrived: () => void;
  readonly released: Promise<void>;
}

/** The faults in force, consulted for every API call after its checks passed. */
export class FakeLastfmFaults {
  private readonly active: ActiveFault[] = [];

  add(method: string, fault: FakeLastfmFault, options: FakeLastfmFaultOptions = {}): FakeLastfmFaultHandle {
    let arrived = (): void => undefined;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const times = options.times ?? 1;
    const entry: ActiveFault = {
      method: method.toLowerCase(),
      fault,
      page: options.page,
      left: times === 'always' ? Infinity : times,
      hits: 0,
      arrived,
      released,
    };
    this.active.push(entry);
    return {
      hits: () => entry.hits,
      reached,
      clear: () => {
        entry.left = 0;
        release();
      },
    };
  }

  /** The answer for this call: `real` itself, or what the first matching fault makes of it. */
  async answer(params: Readonly<Record<string, string>>, real: () => FakeResponse): Promise<FakeResponse> {
    const method = (params.method ?? '').toLowerCase();
    const page = Number(params.page ?? '1');
    const entry = this.active.find(
      (f) => f.left > 0 && f.method === method && (f.page === undefined || f.page === page),
    );
    if (entry === undefined) return real();
    entry.left -= 1;
    entry.hits += 1;
    entry.arrived();
    const { fault } = entry;
    if (fault === 'hold') {
      await entry.released;
      return real();
    }
    if (typeof fault === 'object') return lastfmError(fault.error);
    const response = real();
    if (fault === 'empty') return { ...response, body: emptied(response.body) };
    const text = JSON.stringify(response.body);
    return {
      status: 200,
      body: text.slice(0, Math.floor(text.length / 2)),
      raw: true,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    };
  }
}

/** The body with each list's entries removed and everything else (its `@attr` paging) kept. */
function emptied(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, list]) =>
      typeof list === 'object' && list !== null && 'track' in list
        ? [key, { ...list, track: [] }]
        : [key, list],
    ),
  );
}

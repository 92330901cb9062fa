// Answers that arrive as HTTP 200 but spoiled on the way: a playlist page, a saved-tracks page or a
// playlist's description cut short mid-JSON, replaced by an HTML page (a proxy's), or valid JSON without the playlist's id
// and name. Deterministic: each fault names what it spoils and how many times.
import type { FakeRequest, FakeResponse } from '../fake-http-server.js';

export type SpoiledBody =
  /** The JSON text cut off partway, as a dropped connection leaves it. */
  | 'truncated'
  /** An HTML page with status 200 and `text/html`, as a captive portal or proxy sends. */
  | 'html'
  /** Valid JSON that is not whole: a description without `id` and `name`, a page with half its items. */
  | 'garbled'
  /** Pages only: whole, but without the `next` link, as if the list ended there. */
  | 'ends-early';

export interface BodyFaultOptions {
  readonly body?: SpoiledBody;
  /** Only this playlist's answers (default: every playlist's). */
  readonly playlistId?: string;
  /** Times the answer is spoiled before it is sent whole again (default 1), or `'always'`. */
  readonly times?: number | 'always';
}

/** A playlist's items page, a playlist's description, or a page of the saved tracks (`/me/tracks`). */
export type BodyFaultTarget = 'page' | 'header' | 'saved';

interface BodyFault {
  readonly target: BodyFaultTarget;
  /** For pages: the `offset` asked for. */
  readonly offset: number | null;
  readonly playlistId: string | null;
  readonly body: SpoiledBody;
  left: number;
}

export class FakeSpotifyBodyFaults {
  private readonly faults: BodyFault[] = [];

  add(target: BodyFaultTarget, offset: number | null, options: BodyFaultOptions): void {
    const times = options.times ?? 1;
    this.faults.push({
      target,
      offset,
      playlistId: options.playlistId ?? null,
      body: options.body ?? 'truncated',
      left: times === 'always' ? Number.POSITIVE_INFINITY : times,
    });
  }

  /** The response to send for `req` (a page or a description): spoiled if a fault matches. */
  apply(target: BodyFaultTarget, req: FakeRequest, response: FakeResponse): FakeResponse {
    if (response.status !== 200) return response;
    const offset = Number(req.query.get('offset') ?? 0);
    const fault = this.faults.find(
      (f) =>
        f.left > 0 &&
        f.target === target &&
        (f.offset === null || f.offset === offset) &&
        (f.playlistId === null || f.playlistId === req.params.id),
    );
    if (fault === undefined) return response;
    fault.left -= 1;
    return spoil(response, fault.body, target);
  }
}

function spoil(response: FakeResponse, body: SpoiledBody, target: BodyFaultTarget): FakeResponse {
  switch (body) {
    case 'truncated': {
      const text = JSON.stringify(response.body);
      return {
        status: 200,
        raw: true,
        body: text.slice(0, Math.floor(text.length / 2)),
        headers: { 'content-type': 'application/json; charset=utf-8' },
      };
    }
    case 'html':
      return {
        status: 200,
        raw: true,
        body: '<!DOCTYPE html><html><body><h1>Service temporarily unavailable</h1></body></html>',
        headers: { 'content-type': 'text/html; charset=utf-8' },
      };
    case 'ends-early':
      return { ...response, body: { ...(response.body as Record<string, unknown>), next: null } };
    case 'garbled': {
      const json = response.body as Record<string, unknown>;
      if (target !== 'header') {
        const items = json.items as unknown[];
        return { ...response, body: { ...json, items: items.slice(0, Math.floor(items.length / 2)) } };
      }
      const { id: _id, name: _name, ...rest } = json;
      return { ...response, body: rest };
    }
  }
}

// Minimal routing HTTP server on 127.0.0.1 for the wire-compatible fakes: a request log, JSON and
// form bodies, path parameters, and a hook that can answer before routing (fault injection).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly params: Readonly<Record<string, string>>;
  readonly rawBody: string;
  /** JSON body parsed, or form fields for application/x-www-form-urlencoded, else null. */
  readonly body: unknown;
  readonly receivedAt: number;
}

export interface FakeResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Send `body` as-is (a string) instead of JSON-encoding it. */
  readonly raw?: boolean;
}

export type FakeHandler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly status: number;
  readonly at: number;
  /** Parsed body (JSON object, form fields) for assertions on what clients sent. */
  readonly body: unknown;
}

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly handler: FakeHandler;
}

export class FakeHttpServer {
  readonly requests: LoggedRequest[] = [];
  private readonly routes: Route[] = [];
  private server: Server | null = null;
  /** Runs before routing; returning a response short-circuits the route (faults, auth, limits). */
  before: ((req: FakeRequest) => FakeResponse | null | Promise<FakeResponse | null>) | null = null;

  /** `path` may hold `{name}` segments, e.g. `/v1/playlists/{id}/items`. */
  route(method: string, path: string, handler: FakeHandler): this {
    const names: string[] = [];
    const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  async listen(): Promise<string> {
    this.server = createServer((req, res) => void this.dispatch(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const contentType = String(req.headers['content-type'] ?? '');
    let body: unknown = null;
    if (rawBody !== '' && contentType.includes('application/json')) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
    } else if (rawBody !== '' && contentType.includes('application/x-www-form-urlencoded')) {
      body = Object.fromEntries(new URLSearchParams(rawBody));
    }
    const base = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      body,
      receivedAt: Date.now(),
    };
    let response: FakeResponse;
    try {
      response =
        (await this.before?.({ ...base, params: {} })) ?? (await this.routeRequest(base, url.pathname));
    } catch (error) {
      response = { status: 500, body: { error: { status: 500, message: String(error) } } };
    }
    this.requests.push({
      method: base.method,
      path: base.path,
      query: url.search,
      status: response.status,
      at: base.receivedAt,
      body,
    });
    const payload =
      response.body === undefined ? '' : response.raw ? String(response.body) : JSON.stringify(response.body);
    res.writeHead(response.status, {
      ...(payload !== '' && !response.raw ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      ...response.headers,
    });
    res.end(payload);
  }

  private async routeRequest(base: Omit<FakeRequest, 'params'>, rawPath: string): Promise<FakeResponse> {
    let pathMatched = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(rawPath);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== base.method) continue;
      const params = Object.fromEntries(
        route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]),
      );
      return route.handler({ ...base, params });
    }
    return pathMatched
      ? { status: 405, body: { error: { status: 405, message: 'Method not allowed' } } }
      : { status: 404, body: { error: { status: 404, message: 'Service not found' } } };
  }
}

// What `narada serve` asks of the web server, apart from the server itself (so the tokens that name
// it import no route module).
export interface WebServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Whether this process works the jobs (default true); on PostgreSQL `narada worker`s can instead. */
  readonly workJobs?: boolean;
}

export interface WebRouteSettings {
  /** Whether this process works the jobs its routes queue (`narada serve --no-jobs`: other processes do). */
  readonly workJobs: boolean;
}

export interface RunningWebServer {
  /** `http://host:port`. */
  readonly url: string;
  /** Stops taking requests, ends event streams, stops the jobs; resolves once all have. */
  close(): Promise<void>;
}

export type WebServerStarter = (options: WebServerOptions) => Promise<RunningWebServer>;

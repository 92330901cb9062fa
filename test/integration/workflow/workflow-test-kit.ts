// The workflow use cases as the container builds them (real SQLite in a temp folder, real Spotify and
// Last.fm clients over HTTP to the fakes, the JSON-lines log in the folder's logs/), with a way to put
// a proxy in front of the Spotify port.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import type { SpotifyPort } from '../../../src/application/ports/spotify.port.js';
import { RunWorkflow } from '../../../src/application/use-cases/workflow/run-workflow.js';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import { createAppContainer, type AppContainer } from '../../../src/infrastructure/di/container.js';
import { JsonLinesLogger } from '../../../src/infrastructure/logging/json-lines-logger.js';
import { Redactor } from '../../../src/infrastructure/logging/redact.js';
import { TOKENS } from '../../../src/infrastructure/di/tokens.js';
import { WORKFLOW } from '../../../src/infrastructure/di/workflow.tokens.js';
import { startFakeLastfm, type FakeLastfm } from '../../fakes/lastfm/fake-lastfm.js';
import { fakeServiceEnv } from '../../fakes/seed/demo-library.js';
import { startFakeSpotify, type FakeSpotify } from '../../fakes/spotify/fake-spotify.js';

const WORKFLOWS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'workflows');

export interface WorkflowWorld {
  readonly spotify: FakeSpotify;
  readonly lastfm: FakeLastfm;
  readonly container: AppContainer;
  /** The run use case, with `wrap` put around the Spotify port when given. */
  runner(wrap?: (port: SpotifyPort) => SpotifyPort): Promise<RunWorkflow>;
  /** Every line of the log so far, parsed. */
  logEntries(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startWorkflowWorld(): Promise<WorkflowWorld> {
  const spotify = await startFakeSpotify();
  const lastfm = await startFakeLastfm();
  const folder = mkdtempSync(join(tmpdir(), 'narada-workflow-it-'));
  const env = { NARADA_HOME: folder, ...fakeServiceEnv(spotify, lastfm) };
  const logDir = join(folder, 'logs');
  const logger = new JsonLinesLogger({ dir: logDir, redactor: new Redactor([]) });
  const container = createAppContainer({
    config: loadConfig({ env, cwd: folder, homeDir: folder }),
    logger,
    progress: SILENT_PROGRESS,
  });
  return {
    spotify,
    lastfm,
    container,
    async runner(wrap) {
      if (wrap === undefined) return container.get(WORKFLOW.Run);
      const services = await container.get(WORKFLOW.Services);
      const calls = await container.get(TOKENS.CallCounter);
      return new RunWorkflow({
        registry: await container.get(WORKFLOW.Registry),
        services: { ...services, spotify: wrap(services.spotify) },
        runs: await container.get(WORKFLOW.Runs),
        clock: await container.get(TOKENS.Clock),
        progress: await container.get(TOKENS.Progress),
        apiCalls: () => calls.snapshot(),
      });
    },
    logEntries() {
      if (!existsSync(logDir)) return [];
      return readdirSync(logDir)
        .flatMap((file) => readFileSync(join(logDir, file), 'utf8').split('\n'))
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    async close() {
      logger.close();
      await container.close();
      await spotify.close();
      await lastfm.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export function shipped(name: string): string {
  return readFileSync(join(WORKFLOWS, name), 'utf8');
}

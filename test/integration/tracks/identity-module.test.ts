// The container hands other features the ingest use case, wired to the bulk adapters and the identity tables.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../../src/application/ports/logger.port.js';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import { connectorKey } from '../../../src/domain/track/connector-track.js';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import { createAppContainer, type AppContainer } from '../../../src/infrastructure/di/container.js';
import { TRACKS } from '../../../src/infrastructure/di/tracks.tokens.js';
import { aConnectorTrack } from '../../builders/index.js';

const SILENT_LOGGER: Logger = { debug() {}, info() {}, warn() {}, error() {}, record() {} };

describe('the identity module in the container', () => {
  let folder: string;
  let container: AppContainer;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'narada-identity-di-'));
    const config = loadConfig({ env: { NARADA_HOME: folder }, cwd: folder, homeDir: folder });
    container = createAppContainer({ config, logger: SILENT_LOGGER, progress: SILENT_PROGRESS });
  });

  afterAll(async () => {
    await container.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('gives the ingest use case, which turns records into tracks in the configured database', async () => {
    const ingest = await container.get(TRACKS.IngestConnectorTracks);
    const record = aConnectorTrack({ title: 'Unfinished Sympathy' });

    const result = await ingest.run([record]);

    expect(result.created).toBe(1);
    expect(result.tracks.get(connectorKey('spotify', record.externalId))?.title).toBe('Unfinished Sympathy');
  });

  it('gives the resolver with the identity tables in place', async () => {
    const resolver = await container.get(TRACKS.ResolveTracks);

    expect(await resolver.run({ limit: 0 })).toMatchObject({ pending: 1, remaining: 1 });
  });
});

// `narada status`: the version, the data folder, the database's counts and integrity, and which
// services are set up.
import { STATUS } from '../status.tokens.js';
import { TOKENS } from '../tokens.js';
import type { FeatureModule } from './feature-module.js';

export const bindStatus: FeatureModule = (wiring, { config }) => {
  wiring.bind(STATUS.Show, async (get) => {
    const { ShowStatus } = await import('../../../application/use-cases/status/show-status.js');
    const { serviceConnections } = await import('../../config/service-connections.js');
    const { databaseInfo } = await get(TOKENS.Repositories);
    const store = await get(TOKENS.CredentialStore);
    return new ShowStatus({
      version: config.version,
      dataFolder: config.home,
      database: () => databaseInfo.info(),
      integrity: () => databaseInfo.checkIntegrity(),
      connections: () => serviceConnections(config, store),
    });
  });
};

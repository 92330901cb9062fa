// A feature's bindings (its use cases, and adapters only it needs), kept beside the feature's tokens,
// and what the composition root hands every feature.
import type { Container } from 'inversify';
import type { Logger } from '../../../application/ports/logger.port.js';
import type { ProgressReporter } from '../../../application/ports/progress.port.js';
import type { NaradaConfig } from '../../config/config.js';

export interface AppContainerDeps {
  readonly config: NaradaConfig;
  readonly logger: Logger;
  readonly progress: ProgressReporter;
  /** Where one-line notices for the person at the terminal go (the CLI: stderr, not with --quiet). */
  readonly notice?: (line: string) => void;
}

export type FeatureModule = (container: Container, deps: AppContainerDeps) => void;

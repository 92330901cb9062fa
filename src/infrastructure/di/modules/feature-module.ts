// A feature's bindings (its use cases, and adapters only it needs); its tokens are in di/<feature>.tokens.ts.
// Each factory imports what it builds (`await import()`), so loading the wiring loads no feature.
// What the composition root hands every feature lives here, so the root and its modules import no cycle.
import type { Logger } from '../../../application/ports/logger.port.js';
import type { ProgressReporter } from '../../../application/ports/progress.port.js';
import type { NaradaConfig } from '../../config/config.js';
import type { Wiring } from '../wiring.js';

export interface AppContainerDeps {
  readonly config: NaradaConfig;
  readonly logger: Logger;
  /** The reporter, or how to make it (the CLI's loads ink on a terminal: only when a part needs it). */
  readonly progress: ProgressReporter | (() => Promise<ProgressReporter>);
  /** Where one-line notices for the person at the terminal go (the CLI: stderr, not with --quiet). */
  readonly notice?: (line: string) => void;
}

export type FeatureModule = (wiring: Wiring, deps: AppContainerDeps) => void;

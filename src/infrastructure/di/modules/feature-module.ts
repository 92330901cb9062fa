// A feature's bindings (its use cases, and adapters only it needs); its tokens are in di/<feature>.tokens.ts.
import type { AppContainerDeps } from '../container.js';
import type { Wiring } from '../wiring.js';

export type FeatureModule = (wiring: Wiring, deps: AppContainerDeps) => void;

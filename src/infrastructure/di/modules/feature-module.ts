// A feature's bindings (its use cases, and adapters only it needs); its tokens are in di/<feature>.tokens.ts.
// Each factory imports what it builds (`await import()`), so loading the wiring loads no feature.
import type { AppContainerDeps } from '../container.js';
import type { Wiring } from '../wiring.js';

export type FeatureModule = (wiring: Wiring, deps: AppContainerDeps) => void;

// Every feature module, in one list the container loads. Add one line per feature.
import type { FeatureModule } from './feature-module.js';
import { bindIdentity } from './identity.module.js';

export const FEATURE_MODULES: readonly FeatureModule[] = [
  bindIdentity,
];

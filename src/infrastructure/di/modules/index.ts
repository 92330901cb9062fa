// Every feature module, in one list the container loads. Add one line per feature.
import type { FeatureModule } from './feature-module.js';
import { bindHistory } from './history.module.js';
import { bindIdentity } from './tracks.module.js';
import { bindLikes } from './likes.module.js';
import { bindPlaylist } from './playlist.module.js';
import { bindWorkflow } from './workflow.module.js';

export const FEATURE_MODULES: readonly FeatureModule[] = [
  bindIdentity,
  bindHistory,
  bindPlaylist,
  bindLikes,
  bindWorkflow,
];

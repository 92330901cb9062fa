// Every feature module, in one list the container loads. Add one line per feature.
import type { FeatureModule } from './feature-module.js';
import { bindDb } from './db.module.js';
import { bindHistory } from './history.module.js';
import { bindIntake } from './intake.module.js';
import { bindLastyear } from './lastyear.module.js';
import { bindLibrary } from './library.module.js';
import { bindLikes } from './likes.module.js';
import { bindPlaylist } from './playlist.module.js';
import { bindSchedules } from './schedules.module.js';
import { bindStats } from './stats.module.js';
import { bindStatus } from './status.module.js';
import { bindTracks } from './tracks.module.js';
import { bindUsers } from './users.module.js';
import { bindWorkflow } from './workflow.module.js';

export const FEATURE_MODULES: readonly FeatureModule[] = [
  bindStatus,
  bindTracks,
  bindHistory,
  bindStats,
  bindPlaylist,
  bindLikes,
  bindWorkflow,
  bindLibrary,
  bindUsers,
  bindIntake,
  bindSchedules,
  bindLastyear,
  bindDb,
];

// Every migration in the order it applies; TypeORM loads them by class reference (ESM has no globs).
import { InitialSchema1795219200000 } from './1795219200000-initial-schema.js';
import { IdentitySchema1795392000000 } from './1795392000000-identity-schema.js';
import { DailyListensByDay1795478400000 } from './1795478400000-daily-listens-by-day.js';
import { RunOwners1795564800000 } from './1795564800000-run-owners.js';
import { LibraryFiles1795651200000 } from './1795651200000-library-files.js';
import { Schedules1795737600000 } from './1795737600000-schedules.js';
import { ServerUsers1795910400000 } from './1795910400000-server-users.js';
import { ListenLinks1795996800000 } from './1795996800000-listen-links.js';
import { JobEvents1796169600000 } from './1796169600000-job-events.js';
import { PlayingNow1796256000000 } from './1796256000000-playing-now.js';
import { AppendOnlyReferences1796342400000 } from './1796342400000-append-only-references.js';
import { TrackReferencesPerStatement1796428800000 } from './1796428800000-track-references-per-statement.js';

export const MIGRATIONS = [
  InitialSchema1795219200000,
  IdentitySchema1795392000000,
  DailyListensByDay1795478400000,
  RunOwners1795564800000,
  LibraryFiles1795651200000,
  Schedules1795737600000,
  ServerUsers1795910400000,
  ListenLinks1795996800000,
  JobEvents1796169600000,
  PlayingNow1796256000000,
  AppendOnlyReferences1796342400000,
  TrackReferencesPerStatement1796428800000,
];

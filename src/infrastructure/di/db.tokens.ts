// The db feature's tokens (`narada db copy`); type-only imports, so commands load no adapter.
import type { CopyDatabase } from '../../application/use-cases/db/copy-database.js';
import { token } from './tokens.js';

export const DB = {
  Copy: token<CopyDatabase>('db.Copy'),
} as const;

// The status feature's token (`narada status`); type-only imports, so commands load no adapter.
import type { ShowStatus } from '../../application/use-cases/status/show-status.js';
import { token } from './tokens.js';

export const STATUS = {
  Show: token<ShowStatus>('status.Show'),
} as const;

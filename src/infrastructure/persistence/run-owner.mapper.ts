// RunOwner ↔ the `owner_*` columns that import_runs and workflow_runs share.
import type { RunOwner } from '../../domain/shared/run-owner.js';

export interface OwnerColumns {
  ownerPid: number | null;
  ownerHost: string | null;
  ownerStartedAt: number | null;
}

/** Null unless all three were recorded (rows from before schema 4 have none). */
export function ownerToDomain(row: OwnerColumns): RunOwner | null {
  const { ownerPid, ownerHost, ownerStartedAt } = row;
  if (ownerPid === null || ownerHost === null || ownerStartedAt === null) return null;
  return Object.freeze({ pid: ownerPid, host: ownerHost, startedAt: ownerStartedAt });
}

export function ownerToColumns(owner: RunOwner): OwnerColumns {
  return { ownerPid: owner.pid, ownerHost: owner.host, ownerStartedAt: owner.startedAt };
}

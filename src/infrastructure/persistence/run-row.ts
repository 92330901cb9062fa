// What import_runs and workflow_runs share: the run's status and times, and the `owner_*` columns
// naming the process that runs it, with RunOwner ↔ those columns.
import { Column, PrimaryGeneratedColumn } from 'typeorm';
import type { RunOwner } from '../../domain/shared/run-owner.js';

/** The columns of a run row; each table's entity adds its own and its status check. */
export abstract class RunRowColumns {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'started_at', type: 'integer' })
  startedAt!: number;

  @Column({ name: 'finished_at', type: 'integer', nullable: true })
  finishedAt!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** The process running it (pid, host, process start): to tell a run left by an ended process. */
  @Column({ name: 'owner_pid', type: 'integer', nullable: true })
  ownerPid!: number | null;

  @Column({ name: 'owner_host', type: 'text', nullable: true })
  ownerHost!: string | null;

  @Column({ name: 'owner_started_at', type: 'integer', nullable: true })
  ownerStartedAt!: number | null;
}

export type OwnerColumns = Pick<RunRowColumns, 'ownerPid' | 'ownerHost' | 'ownerStartedAt'>;

/** Null unless all three were recorded (rows from before schema 4 have none). */
export function ownerToDomain(row: OwnerColumns): RunOwner | null {
  const { ownerPid, ownerHost, ownerStartedAt } = row;
  if (ownerPid === null || ownerHost === null || ownerStartedAt === null) return null;
  return Object.freeze({ pid: ownerPid, host: ownerHost, startedAt: ownerStartedAt });
}

export function ownerToColumns(owner: RunOwner): OwnerColumns {
  return { ownerPid: owner.pid, ownerHost: owner.host, ownerStartedAt: owner.startedAt };
}

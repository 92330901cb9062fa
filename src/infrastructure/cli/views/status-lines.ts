// Plain-text view of `narada status`: the data folder, the database and its integrity, the services.
import type { DatabaseIntegrity } from '../../../application/ports/database-info.port.js';
import type { StatusReport } from '../../../application/use-cases/status/show-status.js';

export function renderStatus(report: StatusReport): string[] {
  const { database: db } = report;
  const counts = Object.entries(db.rowCounts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table} ${n}`);
  return [
    `Narada ${report.version}`,
    `Data folder:  ${report.dataFolder}`,
    `Database:     ${db.path} (schema version ${db.schemaVersion}${db.pendingMigrations > 0 ? `, ${db.pendingMigrations} migrations pending` : ''})`,
    `Rows:         ${counts.length > 0 ? counts.join(', ') : 'none yet'}`,
    ...integrityLines(db.integrity),
    'Services:',
    ...report.services.map(
      (s) =>
        `  ${s.service.padEnd(12)} ${s.state.replace('_', ' ')}${s.account ? ` as ${s.account}` : ''}${s.hint ? ` — ${s.hint}` : ''}`,
    ),
  ];
}

function integrityLines(integrity: DatabaseIntegrity): string[] {
  if (integrity.state === 'not_checked') return [];
  if (integrity.state === 'ok') return ['Integrity:    ok'];
  return [
    `Integrity:    DAMAGED: ${integrity.problems.join('; ')}`,
    `              ${integrity.recovery ?? ''}`,
  ];
}

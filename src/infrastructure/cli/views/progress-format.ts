// Shared arithmetic of progress displays: rates, ETA, and the bar itself.

export interface ProgressSnapshot {
  readonly label: string;
  readonly done: number;
  readonly total: number | null;
  readonly startedAt: number;
  readonly detail: string | null;
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
    : `${m}:${String(s).padStart(2, '0')}`;
}

/** Remaining time at the average rate so far, or null while it cannot be known. */
export function estimateRemainingMs(p: ProgressSnapshot, now: number): number | null {
  if (p.total === null || p.done <= 0 || p.done >= p.total) return null;
  const elapsed = now - p.startedAt;
  return (elapsed / p.done) * (p.total - p.done);
}

export function progressLine(p: ProgressSnapshot, now: number): string {
  const counts =
    p.total === null
      ? `${p.done}`
      : `${p.done}/${p.total} (${Math.floor((100 * p.done) / Math.max(p.total, 1))}%)`;
  const eta = estimateRemainingMs(p, now);
  return [`${p.label}: ${counts}`, eta === null ? null : `ETA ${formatDuration(eta)}`, p.detail]
    .filter(Boolean)
    .join('  ');
}

export function bar(done: number, total: number | null, width: number): string {
  if (total === null || total <= 0) return '░'.repeat(width);
  const filled = Math.min(width, Math.round((done / total) * width));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

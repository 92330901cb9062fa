// `narada stats eras` in the terminal: one bar per release year, the fallback-dated share shaded
// apart, and what is left undated with the command that could date it.
import type { EraReport } from '../../../application/use-cases/stats/show-eras.js';

const BAR_WIDTH = 40;

export function renderErasChart(report: EraReport): string[] {
  const title = `Listening in ${report.year} by original release year: ${grouped(report.total)} listens, ${percent(report.coverage)} with a known year`;
  if (report.total === 0)
    return [
      `No listens in ${report.year}. Import some with \`narada history import lastfm\` or \`narada history import spotify <export>\`.`,
    ];
  const max = Math.max(1, ...report.distribution.map((d) => d.count));
  const width = Math.max(...report.distribution.map((d) => grouped(d.count).length), 1);
  const lines = [title];
  if (report.distribution.length > 0) lines.push('');
  for (const { year, count, fallback } of report.distribution) {
    const full = Math.max(1, Math.round((count / max) * BAR_WIDTH));
    const shaded = Math.min(full, Math.round((fallback / max) * BAR_WIDTH));
    lines.push(
      `${year}  ${grouped(count).padStart(width)}  ${'█'.repeat(full - shaded)}${'▒'.repeat(shaded)}`,
    );
  }
  lines.push(
    '',
    `Unknown year: ${grouped(report.unknown)} listens (${plural(report.undated.tracks, 'track')})`,
  );
  if (report.fallback > 0) {
    lines.push(
      `▒ ${grouped(report.fallback)} listens are dated by their album's own date (a remaster's year, say), not MusicBrainz's original.`,
    );
  }
  if (report.resolution !== null) {
    const r = report.resolution;
    lines.push(
      `MusicBrainz: ${r.found} of ${r.lookedUp} tracks dated${r.stoppedBecause === null ? '' : `; stopped early: ${r.stoppedBecause}`}`,
    );
  } else if (report.undated.lookupable > 0) {
    lines.push(
      `${report.undated.lookupable} tracks could be dated on MusicBrainz (about ${report.undated.lookupable} s): narada stats eras --year ${report.year} --resolve-years`,
    );
  }
  return lines;
}

export function grouped(n: number): string {
  return n.toLocaleString('en-US');
}

export function plural(n: number, noun: string): string {
  return `${grouped(n)} ${noun}${n === 1 ? '' : 's'}`;
}

export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

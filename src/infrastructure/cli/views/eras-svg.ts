// `narada stats eras --svg FILE`: a self-contained SVG bar chart of a year's listens by original
// release year (fallback-dated listens in a lighter shade), made to be shared.
import type { EraReport } from '../../../application/use-cases/stats/show-eras.js';
import { grouped, percent } from './eras-chart.js';

const WIDTH = 900;
const HEIGHT = 420;
const MARGIN = { top: 64, right: 24, bottom: 48, left: 64 };
const COLOUR = '#3b6ea8';
const FALLBACK_COLOUR = '#9bbbe0';

export function renderErasSvg(report: EraReport): string {
  const years = report.distribution.map((d) => d.year);
  const first = years.length === 0 ? report.year : Math.min(...years);
  const last = years.length === 0 ? report.year : Math.max(...years);
  const span = last - first + 1;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...report.distribution.map((d) => d.count));
  const slot = plotWidth / span;
  const barWidth = Math.max(1, slot * 0.8);
  const y = (count: number) => MARGIN.top + plotHeight - (count / max) * plotHeight;
  const bars = report.distribution.flatMap(({ year, count, fallback }) => {
    const x = MARGIN.left + (year - first) * slot + (slot - barWidth) / 2;
    const label = `${year}: ${grouped(count)} listens${fallback > 0 ? ` (${grouped(fallback)} dated by album)` : ''}`;
    // One stack: the album-dated part from the axis up to `fallback`, the MusicBrainz-dated part on it.
    return [
      `<g><title>${escapeXml(label)}</title>`,
      count > fallback ? rect(x, y(count), y(fallback), barWidth, COLOUR) : '',
      fallback > 0 ? rect(x, y(fallback), y(0), barWidth, FALLBACK_COLOUR) : '',
      '</g>',
    ];
  });
  const ticks = yearTicks(first, last).map((year) => {
    const x = MARGIN.left + (year - first + 0.5) * slot;
    return `<text x="${fmt(x)}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${year}</text>`;
  });
  const title = `Listening in ${report.year} by original release year`;
  const subtitle = `${grouped(report.total)} listens · ${percent(report.coverage)} with a known year · ${grouped(report.unknown)} unknown${report.fallback > 0 ? ` · lighter: dated by album (${grouped(report.fallback)})` : ''}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-label="${escapeXml(title)}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="28" font-size="18" font-weight="600">${escapeXml(title)}</text>`,
    `<text x="${MARGIN.left}" y="48" fill="#555555">${escapeXml(subtitle)}</text>`,
    `<line x1="${MARGIN.left}" y1="${y(0)}" x2="${WIDTH - MARGIN.right}" y2="${y(0)}" stroke="#888888"/>`,
    `<text x="${MARGIN.left - 8}" y="${fmt(y(max) + 4)}" text-anchor="end">${grouped(max)}</text>`,
    `<text x="${MARGIN.left - 8}" y="${fmt(y(0) + 4)}" text-anchor="end">0</text>`,
    ...bars.filter((part) => part !== ''),
    ...ticks,
    '</svg>',
  ].join('\n');
}

/** Decades, or every year when the span is short. */
function yearTicks(first: number, last: number): number[] {
  if (last - first < 12) return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const ticks: number[] = [];
  for (let year = Math.ceil(first / 10) * 10; year <= last; year += 10) ticks.push(year);
  return ticks;
}

/** From `top` down to `bottom`, both rounded first, so stacked parts meet exactly. */
function rect(x: number, top: number, bottom: number, width: number, fill: string): string {
  const height = Math.max(0, round(bottom) - round(top));
  return `<rect x="${fmt(x)}" y="${fmt(top)}" width="${fmt(width)}" height="${fmt(height)}" fill="${fill}"/>`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function fmt(n: number): string {
  return String(round(n));
}

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

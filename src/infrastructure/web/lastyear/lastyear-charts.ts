// The LastYear charts as SVG: a year's listens by release year (the `stats eras` chart, reused) and
// by decade (labelled bars). Both are whole SVG documents, inlined in the page or downloaded.
import type { EraReport } from '../../../application/use-cases/stats/show-eras.js';
import { byDecade, type YearReport } from '../../../application/lastyear/year-report.js';
import { grouped } from '../../cli/views/eras-chart.js';
import { escapeXml, renderErasSvg } from '../../cli/views/eras-svg.js';

export type ChartView = 'years' | 'decades';

export function chartSvg(report: YearReport, view: ChartView): string {
  return view === 'decades' ? decadesSvg(report) : renderErasSvg(asEraReport(report));
}

/** The fields the eras chart reads; the rest of an era report is not kept for the page. */
function asEraReport(report: YearReport): EraReport {
  return {
    ...report,
    byYear: Object.fromEntries(report.distribution.map((b) => [String(b.year), b.count])),
    undated: { tracks: 0, listens: report.unknown, lookupable: 0 },
    resolution: null,
  };
}

const WIDTH = 900;
const HEIGHT = 420;
const MARGIN = { top: 64, right: 24, bottom: 48, left: 64 };

function decadesSvg(report: YearReport): string {
  const decades = byDecade(report.distribution);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...decades.map((d) => d.count));
  const slot = plotWidth / Math.max(1, decades.length);
  const barWidth = slot * 0.7;
  const y = (count: number) => MARGIN.top + plotHeight - (count / max) * plotHeight;
  const title = `Listening in ${report.year} by decade of release`;
  const bars = decades.map((d, i) => {
    const x = MARGIN.left + i * slot + (slot - barWidth) / 2;
    const top = y(d.count);
    return [
      `<g><title>${d.year}s: ${grouped(d.count)} listens</title>`,
      `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(y(0) - top).toFixed(1)}" fill="#3b6ea8"/>`,
      `<text x="${(x + barWidth / 2).toFixed(1)}" y="${(top - 6).toFixed(1)}" text-anchor="middle">${grouped(d.count)}</text>`,
      `<text x="${(x + barWidth / 2).toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${d.year}s</text></g>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-label="${escapeXml(title)}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="28" font-size="18" font-weight="600">${escapeXml(title)}</text>`,
    `<text x="${MARGIN.left}" y="48" fill="#555555">${grouped(report.total)} listens · ${grouped(report.unknown)} of unknown year</text>`,
    `<line x1="${MARGIN.left}" y1="${y(0)}" x2="${WIDTH - MARGIN.right}" y2="${y(0)}" stroke="#888888"/>`,
    ...bars,
    '</svg>',
  ].join('\n');
}

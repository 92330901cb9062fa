// `narada stats eras --html FILE`: one self-contained page (no scripts, no external files): the SVG
// chart and the table behind it.
import type { EraReport } from '../../../application/use-cases/stats/show-eras.js';
import { grouped, percent } from './eras-chart.js';
import { escapeXml, renderErasSvg } from './eras-svg.js';

export function renderErasHtml(report: EraReport): string {
  const rows = report.distribution
    .map(
      (d) =>
        `<tr><td>${d.year}</td><td>${grouped(d.count)}</td><td>${percent(report.total === 0 ? 0 : d.count / report.total)}</td><td>${d.fallback > 0 ? grouped(d.fallback) : ''}</td></tr>`,
    )
    .join('\n');
  const title = `Listening in ${report.year} by original release year`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 940px; color: #222; }
svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin-top: 1.5rem; }
th, td { padding: 0.25rem 0.75rem; text-align: right; border-bottom: 1px solid #ddd; }
th:first-child, td:first-child { text-align: left; }
</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
<p>${grouped(report.total)} listens; ${percent(report.coverage)} have a known release year, ${grouped(report.unknown)} do not.
Years come from the first release of the song's MusicBrainz release group${report.fallback > 0 ? `; ${grouped(report.fallback)} listens are dated by their album's own date instead` : ''}.</p>
${renderErasSvg(report)}
<table>
<thead><tr><th>Release year</th><th>Listens</th><th>Share</th><th>Dated by album</th></tr></thead>
<tbody>
${rows}
<tr><td>unknown</td><td>${grouped(report.unknown)}</td><td>${percent(report.total === 0 ? 0 : report.unknown / report.total)}</td><td></td></tr>
</tbody>
</table>
<p><small>Made by Narada.</small></p>
</body>
</html>
`;
}

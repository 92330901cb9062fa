// The LastYear pages, rendered on the server: they work without JavaScript (the chart is inline SVG
// with its table, a page in progress refreshes itself), and with it follow the job's events live.
// Every string that comes from a visitor or from Last.fm is escaped.
import { datingShares, byDecade, type YearBucket } from '../../../application/lastyear/year-report.js';
import type { UserYears } from '../../../application/lastyear/lastyear-caches.js';
import type { YearView } from '../../../application/lastyear/year-jobs.js';
import { grouped, percent } from '../../cli/views/eras-chart.js';
import { escapeXml as esc } from '../../cli/views/eras-svg.js';
import { chartSvg, type ChartView } from './lastyear-charts.js';
import { PROGRESS_SCRIPT, progressText } from './lastyear-progress-script.js';

const STYLE = `
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; padding: 1rem; max-width: 980px; color: #1a1a1a; background: #fff; }
a { color: #1f4f8a; }
a:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
nav a[aria-current] { font-weight: 600; color: #1a1a1a; }
svg { max-width: 100%; height: auto; }
figure { margin: 1rem 0; }
.pair { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); }
table { border-collapse: collapse; margin: 1rem 0; }
caption { text-align: left; font-weight: 600; }
th, td { padding: 0.25rem 0.75rem; text-align: right; border-bottom: 1px solid #ccc; }
th:first-child, td:first-child { text-align: left; }
progress { width: min(100%, 28rem); height: 1.2rem; }
.years { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; }
.years a { display: inline-block; padding: 0.3rem 0.7rem; border: 1px solid #1f4f8a; border-radius: 4px; text-decoration: none; }
.alert { border-left: 4px solid #a4262c; padding: 0.5rem 1rem; background: #fdf3f4; }
`;

function layout(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

function userPath(user: string): string {
  return `/user/${encodeURIComponent(user)}`;
}

function breadcrumb(parts: ReadonlyArray<readonly [string, string | null]>): string {
  const links = parts.map(([label, href]) =>
    href === null
      ? `<span aria-current="page">${esc(label)}</span>`
      : `<a href="${esc(href)}">${esc(label)}</a>`,
  );
  return `<header><nav aria-label="Breadcrumb">${links.join(' › ')}</nav></header>`;
}

export function homePage(): string {
  return layout(
    'LastYear',
    `${breadcrumb([['LastYear', null]])}
<main>
<h1>What era is your listening from?</h1>
<p>A year of a Last.fm user's scrobbles, by the year the music first came out.</p>
<form method="get" action="/user">
<label for="username">Last.fm user name</label>
<input id="username" name="username" required pattern="[A-Za-z][A-Za-z0-9_\\-]{1,14}" autocomplete="off">
<button type="submit">Show years</button>
</form>
</main>`,
  );
}

export function errorPage(status: number, message: string): string {
  const title = status === 404 ? 'Not found' : status === 400 ? 'Bad request' : 'Something went wrong';
  return layout(
    title,
    `${breadcrumb([['LastYear', '/']])}
<main>
<h1>${esc(title)}</h1>
<p class="alert" role="alert">${esc(message)}</p>
<p><a href="/">Look up another user</a></p>
</main>`,
  );
}

export function userPage(found: UserYears): string {
  const { profile, years } = found;
  const list =
    years.length === 0
      ? '<p>This user has no scrobbles yet.</p>'
      : `<ul class="years">${years.map((y) => `<li><a href="${esc(`${userPath(profile.name)}/${y}`)}">${y}</a></li>`).join('')}</ul>`;
  return layout(
    `${profile.name} on LastYear`,
    `${breadcrumb([
      ['LastYear', '/'],
      [profile.name, null],
    ])}
<main>
<h1>${esc(profile.name)}</h1>
<p>${grouped(profile.playcount)} scrobbles on <a href="${esc(profile.url)}" rel="noopener">Last.fm</a>. Pick a year to see the eras of its music.</p>
<h2>Years</h2>
${list}
</main>`,
  );
}

export interface YearPageOptions {
  readonly view: ChartView;
  /** Other years of the user (for the compare form). */
  readonly years: readonly number[];
  readonly compare: YearView | null;
}

export function yearPage(view: YearView, options: YearPageOptions): string {
  const base = `${userPath(view.user)}/${view.year}`;
  const title = `${view.user}'s ${view.year}, by the year the music came out`;
  const crumbs = breadcrumb([
    ['LastYear', '/'],
    [view.user, userPath(view.user)],
    [String(view.year), null],
  ]);
  let body: string;
  let head = '';
  if (view.status === 'completed') body = completedBody(view, base, options);
  else if (view.status === 'failed') body = failedBody(view, base);
  else {
    // Without JavaScript the page reloads itself until the chart is there.
    head = '<noscript><meta http-equiv="refresh" content="5"></noscript>';
    body = progressBody(view, base);
  }
  return layout(title, `${crumbs}\n<main>\n<h1>${esc(title)}</h1>\n${body}\n</main>`, head);
}

function progressBody(view: YearView, base: string): string {
  return `<section id="progress" aria-live="polite" data-events="${esc(`${base}/events`)}">
<h2>Fetching and dating the scrobbles</h2>
<p><label for="progress-bar">Progress</label>
<progress id="progress-bar" max="100"></progress></p>
<p id="progress-text">${esc(progressText(view.progress))}</p>
<noscript><p>This page reloads every few seconds until the chart is ready.</p></noscript>
</section>
<script>${PROGRESS_SCRIPT}</script>`;
}

function failedBody(view: YearView, base: string): string {
  return `<p class="alert" role="alert">The year could not be prepared: ${esc(view.reason ?? 'the job failed')}</p>
<p>What was fetched is kept. <a href="${esc(base)}">Try again</a> in a few seconds.</p>`;
}

function completedBody(view: YearView, base: string, options: YearPageOptions): string {
  const report = view.report!;
  const shares = datingShares(report);
  const q = (params: Record<string, string | number | undefined>) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, String(v));
    const text = search.toString();
    return text === '' ? base : `${base}?${text}`;
  };
  const compareYear = options.compare?.year;
  const viewLink = (label: string, v: ChartView) =>
    options.view === v
      ? `<a href="${esc(q({ view: v === 'years' ? undefined : v, compare: compareYear }))}" aria-current="page">${label}</a>`
      : `<a href="${esc(q({ view: v === 'years' ? undefined : v, compare: compareYear }))}">${label}</a>`;
  const svgHref = `${base}/chart.svg${options.view === 'decades' ? '?view=decades' : ''}`;
  const others = options.years.filter((y) => y !== view.year);
  const compareForm =
    others.length === 0
      ? ''
      : `<form method="get" action="${esc(base)}">
${options.view === 'decades' ? '<input type="hidden" name="view" value="decades">' : ''}
<label for="compare">Compare with</label>
<select id="compare" name="compare">${others.map((y) => `<option${y === compareYear ? ' selected' : ''}>${y}</option>`).join('')}</select>
<button type="submit">Compare</button>
</form>`;
  const summary = `<p>${grouped(report.total)} listens; ${percent(report.coverage)} have a known release year:
${percent(shares.musicbrainz)} dated by MusicBrainz (the first release of the song), ${percent(shares.albumDate)} by their album's own date.
${grouped(report.unknown)} listens are of unknown year.</p>`;
  const nav = `<nav aria-label="Views">${viewLink('By year', 'years')} · ${viewLink('By decade', 'decades')} · <a href="${esc(svgHref)}" download="lastyear-${esc(view.user)}-${view.year}.svg">Download the chart (SVG)</a></nav>`;
  const compared = options.compare;
  let charts: string;
  if (compared === null) {
    charts = `<figure aria-labelledby="chart-caption">${chartSvg(report, options.view)}<figcaption id="chart-caption">The chart's numbers are in the table below.</figcaption></figure>
${bucketTable(report.year, buckets(report.distribution, options.view), report.unknown, options.view)}`;
  } else if (compared.report === null) {
    charts = `<p class="alert">${compared.year} is not ready yet (${esc(compared.status)}): <a href="${esc(`${userPath(view.user)}/${compared.year}`)}">follow its progress</a>, then come back to compare.</p>
<figure>${chartSvg(report, options.view)}</figure>
${bucketTable(report.year, buckets(report.distribution, options.view), report.unknown, options.view)}`;
  } else {
    const other = compared.report;
    charts = `<div class="pair">
<figure>${chartSvg(report, options.view)}<figcaption>${view.year}: ${grouped(report.total)} listens</figcaption></figure>
<figure>${chartSvg(other, options.view)}<figcaption>${other.year}: ${grouped(other.total)} listens</figcaption></figure>
</div>
${compareTable(report.year, buckets(report.distribution, options.view), other.year, buckets(other.distribution, options.view), options.view)}`;
  }
  return `${summary}\n${nav}\n${compareForm}\n${charts}`;
}

function buckets(distribution: readonly YearBucket[], view: ChartView): readonly YearBucket[] {
  return view === 'decades' ? byDecade(distribution) : distribution;
}

function label(year: number, view: ChartView): string {
  return view === 'decades' ? `${year}s` : String(year);
}

function bucketTable(year: number, rows: readonly YearBucket[], unknown: number, view: ChartView): string {
  const head = view === 'decades' ? 'Decade of release' : 'Release year';
  return `<table>
<caption>Listens in ${year} by ${view === 'decades' ? 'decade' : 'year'} of release</caption>
<thead><tr><th scope="col">${head}</th><th scope="col">Listens</th><th scope="col">Dated by album</th></tr></thead>
<tbody>
${rows.map((b) => `<tr><th scope="row">${label(b.year, view)}</th><td>${grouped(b.count)}</td><td>${grouped(b.fallback)}</td></tr>`).join('\n')}
<tr><th scope="row">unknown</th><td>${grouped(unknown)}</td><td></td></tr>
</tbody>
</table>`;
}

function compareTable(
  a: number,
  rowsA: readonly YearBucket[],
  b: number,
  rowsB: readonly YearBucket[],
  view: ChartView,
): string {
  const keys = [...new Set([...rowsA, ...rowsB].map((r) => r.year))].sort((x, y) => x - y);
  const countOf = (rows: readonly YearBucket[], key: number) => rows.find((r) => r.year === key)?.count ?? 0;
  return `<table>
<caption>Listens in ${a} and ${b} by ${view === 'decades' ? 'decade' : 'year'} of release</caption>
<thead><tr><th scope="col">${view === 'decades' ? 'Decade' : 'Release year'}</th><th scope="col">${a}</th><th scope="col">${b}</th></tr></thead>
<tbody>
${keys.map((k) => `<tr><th scope="row">${label(k, view)}</th><td>${grouped(countOf(rowsA, k))}</td><td>${grouped(countOf(rowsB, k))}</td></tr>`).join('\n')}
</tbody>
</table>`;
}

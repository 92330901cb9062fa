import { describe, expect, it } from '@jest/globals';
import type { EraReport } from '../../../src/application/use-cases/stats/show-eras.js';
import { renderErasChart } from '../../../src/infrastructure/cli/views/eras-chart.js';
import { renderErasHtml } from '../../../src/infrastructure/cli/views/eras-html.js';
import { renderErasSvg } from '../../../src/infrastructure/cli/views/eras-svg.js';

const REPORT: EraReport = {
  year: 2025,
  user: null,
  total: 10,
  byYear: { '1973': 7, '2011': 1 },
  distribution: [
    { year: 1973, count: 7, fallback: 2 },
    { year: 2011, count: 1, fallback: 0 },
  ],
  known: 8,
  unknown: 2,
  fallback: 2,
  coverage: 0.8,
  undated: { tracks: 1, listens: 2, lookupable: 1 },
  resolution: null,
};

describe('eras views', () => {
  it('draws one terminal bar per release year, longest for the most listened, the fallback shaded', () => {
    const lines = renderErasChart(REPORT);
    expect(lines[0]).toBe('Listening in 2025 by original release year: 10 listens, 80% with a known year');
    const bar1973 = lines.find((l) => l.startsWith('1973'))!;
    const bar2011 = lines.find((l) => l.startsWith('2011'))!;
    expect(bar1973).toMatch(/^1973 {2}7 {2}█+▒+$/);
    expect((bar1973.match(/[█▒]/g) ?? []).length).toBe(40);
    expect((bar2011.match(/█/g) ?? []).length).toBe(6);
    expect(lines).toContain('Unknown year: 2 listens (1 track)');
    expect(lines.some((l) => l.includes('narada stats eras --year 2025 --resolve-years'))).toBe(true);
  });

  it('makes an SVG with a bar per year, the fallback part in its own shade', () => {
    const svg = renderErasSvg(REPORT);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg.match(/<title>/g)).toHaveLength(2);
    expect(svg).toContain('<title>1973: 7 listens (2 dated by album)</title>');
    expect(svg.match(/fill="#9bbbe0"/g)).toHaveLength(1);
  });

  it('writes a self-contained HTML page: chart, table, no scripts or outside resources', () => {
    const html = renderErasHtml(REPORT);
    expect(html).toContain('<svg');
    expect(html).toContain('<tr><td>1973</td><td>7</td><td>70%</td><td>2</td></tr>');
    expect(html).toContain('<tr><td>unknown</td><td>2</td><td>20%</td><td></td></tr>');
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org)/);
  });

  it('tells how to import listens when the year has none', () => {
    const empty = {
      ...REPORT,
      total: 0,
      distribution: [],
      byYear: {},
      known: 0,
      unknown: 0,
      fallback: 0,
      coverage: 1,
    };
    expect(renderErasChart(empty)[0]).toContain('No listens in 2025');
  });
});

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

interface Bar {
  readonly x: number;
  readonly y: number;
  readonly height: number;
  readonly fill: string;
}

/** The bars of each year, by parsing the SVG's `<g><title>…</title><rect …/>…</g>` groups. */
function barsByYear(svg: string): Map<number, Bar[]> {
  const years = new Map<number, Bar[]>();
  for (const group of svg.matchAll(/<g><title>(\d{4}):[^<]*<\/title>([\s\S]*?)<\/g>/g)) {
    const rects = [...group[2]!.matchAll(/<rect ([^>]*)\/>/g)].map(([, attrs]) => {
      const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs!)![1]!;
      return {
        x: Number(attr('x')),
        y: Number(attr('y')),
        height: Number(attr('height')),
        fill: attr('fill'),
      };
    });
    years.set(Number(group[1]), rects);
  }
  return years;
}

describe('eras SVG geometry', () => {
  const report: EraReport = {
    ...REPORT,
    total: 20,
    byYear: { '1973': 8, '1991': 4, '2011': 6 },
    distribution: [
      { year: 1973, count: 8, fallback: 3 }, // both kinds of dating
      { year: 1991, count: 4, fallback: 0 }, // MusicBrainz only
      { year: 2011, count: 6, fallback: 6 }, // album dates only
    ],
    known: 18,
    fallback: 9,
  };
  const bars = barsByYear(renderErasSvg(report));
  const total = (year: number) => bars.get(year)!.reduce((sum, bar) => sum + bar.height, 0);

  it('gives every bar a height proportional to its count, MusicBrainz-dated ones too', () => {
    expect([...bars.keys()]).toEqual([1973, 1991, 2011]);
    const perListen = total(1973) / 8;
    expect(perListen).toBeGreaterThan(0);
    for (const { year, count } of report.distribution) expect(total(year)).toBeCloseTo(count * perListen, 0);
    expect(bars.get(1991)).toEqual([expect.objectContaining({ fill: '#3b6ea8' })]);
    expect(bars.get(1991)![0]!.height).toBeCloseTo(4 * perListen, 0);
  });

  it('stacks the two kinds of a year without a gap, each part as tall as its share, on the axis', () => {
    const [known, byAlbum] = bars.get(1973)!;
    const perListen = total(1973) / 8;
    expect(known!.fill).toBe('#3b6ea8');
    expect(byAlbum!.fill).toBe('#9bbbe0');
    expect(known!.height).toBeCloseTo(5 * perListen, 0);
    expect(byAlbum!.height).toBeCloseTo(3 * perListen, 0);
    expect(known!.y + known!.height).toBeCloseTo(byAlbum!.y, 5);
    const axis = byAlbum!.y + byAlbum!.height;
    for (const year of [1991, 2011]) {
      const parts = bars.get(year)!;
      const last = parts[parts.length - 1]!;
      expect(last.y + last.height).toBeCloseTo(axis, 5);
    }
  });
});

// The LastYear page in a real browser (Debian's Chromium driven by playwright-core): a new user's
// year shows its progress live over the event stream, then the chart, whose bars and table hold the
// counts the fake's scrobbles imply; the views work from the keyboard, and the chart without JavaScript.
// Screenshots of the end state go to NARADA_SCREENSHOTS (default: a folder in the temp directory).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { aScrobbleSeries } from '../fakes/lastfm/fake-lastfm-builders.js';
import {
  seedListener,
  startLastYearWorld,
  type LastYearWorld,
  type SeededListener,
} from '../integration/web/lastyear-kit.js';

const SCREENSHOTS = process.env.NARADA_SCREENSHOTS ?? join(tmpdir(), 'narada-screenshots');
/** 2024-06-01: 600 more scrobbles in 2024, of songs nobody can date, so the year takes a few pages. */
const SERIES_NEWEST = 1_717_200_000;
const SERIES = 600;

let world: LastYearWorld;
let browser: Browser;
let ana: SeededListener;

beforeAll(async () => {
  // A slow Last.fm, so the progress has time to show.
  world = await startLastYearWorld({ delayMs: 250 });
  ana = seedListener(world, 'Ana_M');
  world.lastfm.addScrobbles('Ana_M', aScrobbleSeries(SERIES, { newest: SERIES_NEWEST }));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await world?.close();
});

/** The bars of the inline chart, as "year: count" from their titles. */
async function bars(page: Page): Promise<Record<string, number>> {
  const titles = await page.locator('figure svg g > title').allTextContents();
  return Object.fromEntries(
    titles.map((t) => {
      const [, year, count] = /^(\d{4}): (\d+) listens/.exec(t)!;
      return [year!, Number(count)];
    }),
  );
}

describe('the LastYear page in Chromium', () => {
  it("shows a new year's progress as it arrives, then the chart with the counts of the scrobbles", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const seen: string[] = [];
    await page.exposeFunction('recordProgress', (text: string) => void seen.push(text));
    // Runs in the page, on every load (the page reloads itself into the chart).
    await page.addInitScript(`document.addEventListener('DOMContentLoaded', () => {
      const text = document.getElementById('progress-text');
      if (text === null) return;
      const record = () => window.recordProgress(text.textContent || '');
      record();
      new MutationObserver(record).observe(text, { childList: true, characterData: true, subtree: true });
    });`);
    await page.goto(`${world.server.url}/user/Ana_M/2024`);
    await expect(page.locator('#progress').count()).resolves.toBe(1);
    await page.waitForSelector('figure svg', { timeout: 90_000 });

    expect(seen.some((t) => /^Fetched [1-9]\d* of \d+ pages/.test(t))).toBe(true);
    expect(await bars(page)).toEqual(
      Object.fromEntries(ana.distribution2024.map((d) => [String(d.year), d.count])),
    );
    const rows = await page.locator('table tbody tr').allTextContents();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      '196930',
      '198520',
      '199710',
      `unknown${ana.unknown2024 + SERIES}`,
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, 'lastyear-year.png'), fullPage: true });
    await page.close();
  }, 120_000);

  it('moves between views from the keyboard, each view its own address', async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.goto(`${world.server.url}/user/Ana_M/2024`);
    let focused = '';
    for (let presses = 0; presses < 20 && focused !== 'By decade'; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate<string>(
        "document.activeElement ? document.activeElement.textContent : ''",
      );
    }
    expect(focused).toBe('By decade');
    await page.keyboard.press('Enter');
    await page.waitForURL(/view=decades/);
    expect(await page.locator('table tbody tr th').allTextContents()).toEqual([
      '1960s',
      '1980s',
      '1990s',
      'unknown',
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, 'lastyear-decades-narrow.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('shows the chart and its table without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${world.server.url}/user/Ana_M/2024`);
    expect(await bars(page)).toEqual(
      Object.fromEntries(ana.distribution2024.map((d) => [String(d.year), d.count])),
    );
    await context.close();
  }, 60_000);
});

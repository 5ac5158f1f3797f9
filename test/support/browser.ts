import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import lighthouse, { desktopConfig } from 'lighthouse';
import { type Browser, chromium, type Page } from 'playwright-core';
import { repoRoot } from '../../config/index.ts';
import { has } from '../../stack/proc.ts';
import { chromiumPath } from '../../stack/prereq.ts';
import { categoryScores, type Scores, seriousViolations } from './browser-checks.ts';
import { freePort } from './servers.ts';

// Debian's Chromium driven by playwright-core, one per test file: the screenshots, axe and
// Lighthouse around it. Artifacts go to .test-artifacts/ (git-ignored).
// The closed network refuses Chromium's own background connections: those flags keep it from trying.
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const artifacts = join(repoRoot, '.test-artifacts');

export type Chromium = { browser: Browser; debuggingPort: number };

/** Headless Chromium with a fresh profile; Lighthouse reaches the same browser through its debugging port. */
export async function launchChromium(): Promise<Chromium> {
  if (!has(chromiumPath)) throw new Error("Chromium is missing: npm test installs the Debian package 'chromium' (or: sudo apt-get install -y chromium)");
  const debuggingPort = await freePort();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_FLAGS, `--remote-debugging-port=${debuggingPort}`] });
  return { browser, debuggingPort };
}

const viewports = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } } as const;
const screenshots = join(artifacts, 'screenshots');

// The outermost elements reaching past the viewport's right edge (a string: functions passed to
// the page would carry the test transform's helpers with them).
const OVERFLOW_PROBE = `(() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const past = (e) => e && e.getBoundingClientRect().right > width + 1;
  const named = [...document.querySelectorAll('body *')]
    .filter((e) => past(e) && !past(e.parentElement))
    .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
      + ' ends at ' + Math.round(e.getBoundingClientRect().right) + ' px');
  return [...new Set(named)].slice(0, 5);
})()`;

/** Empties .test-artifacts/screenshots/, so what is there comes from this run. */
export function clearScreenshots(): void {
  rmSync(screenshots, { recursive: true, force: true });
}

/**
 * Full-page screenshots of what `page` shows at every width, as .test-artifacts/screenshots/<name>-<width>.png;
 * returns what makes the page wider than the mobile viewport (mobile-first: nothing should).
 */
export async function screenshotEveryWidth(page: Page, name: string): Promise<string[]> {
  mkdirSync(screenshots, { recursive: true });
  const current = page.viewportSize();
  let overflow: string[] = [];
  for (const [label, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(screenshots, `${name}-${label}.png`), fullPage: true });
    if (size === viewports.mobile) overflow = ((await page.evaluate(OVERFLOW_PROBE)) as string[]).map((e) => `wider than ${size.width} px: ${e}`);
  }
  if (current) await page.setViewportSize(current);
  return overflow;
}

/** axe over the WCAG 2.1 A/AA rules and axe's best practices: the serious and critical findings. */
export async function accessibilityFailures(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return seriousViolations(results.violations);
}

export const lighthouseFloors: Scores = { performance: 90, accessibility: 95, 'best-practices': 90 };

/**
 * Lighthouse's desktop preset (simulated 40 ms RTT, 10 Mbit/s, no CPU slowdown) on `url` in the
 * same Chromium, its HTML report kept as .test-artifacts/lighthouse/<name>.html; the category scores.
 */
export async function lighthouseScores(browser: Chromium, url: string, name: string): Promise<Scores> {
  const result = await lighthouse(
    url,
    { port: browser.debuggingPort, logLevel: 'error', output: 'html', onlyCategories: Object.keys(lighthouseFloors) },
    desktopConfig,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
  const dir = join(artifacts, 'lighthouse');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.html`), String(result.report));
  return categoryScores(result.lhr);
}

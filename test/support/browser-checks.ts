import type { AxeBuilder } from '@axe-core/playwright';
import type { Result as LighthouseResult } from 'lighthouse';

// The verdicts of the browser tests, apart from the browser: which accessibility findings fail
// a page, and which Lighthouse categories fall short of their floor.
type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const failing = new Set(['serious', 'critical']);

/** axe findings that fail a page (serious or critical), one readable line each with the elements they hit. */
export function seriousViolations(violations: readonly Pick<Violation, 'id' | 'impact' | 'help' | 'nodes'>[]): string[] {
  return violations
    .filter((v) => v.impact && failing.has(v.impact))
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export type Scores = Record<string, number>;

/** Lighthouse category scores as 0–100 (a category Lighthouse could not score counts as 0). */
export function categoryScores(lhr: Pick<LighthouseResult, 'categories'>): Scores {
  return Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]));
}

/** The categories under their floor, as "performance 85 < 90"; a floor with no score counts as missed. */
export function shortfalls(scores: Scores, floors: Scores): string[] {
  return Object.entries(floors)
    .filter(([id, floor]) => !((scores[id] ?? -1) >= floor))
    .map(([id, floor]) => `${id} ${scores[id] ?? 'missing'} < ${floor}`);
}

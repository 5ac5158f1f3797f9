import { describe, expect, it } from 'vitest';
import { categoryScores, seriousViolations, shortfalls } from './browser-checks.ts';

const node = (...target: string[]) => ({ target, html: '', any: [], all: [], none: [] });

describe('seriousViolations', () => {
  it.each([
    ['critical', 1],
    ['serious', 1],
    ['moderate', 0],
    ['minor', 0],
    [null, 0],
  ] as const)('an impact of %s fails the page %i time(s)', (impact, failures) => {
    expect(seriousViolations([{ id: 'color-contrast', impact, help: 'Contrast', nodes: [node('a.price')] }])).toHaveLength(failures);
  });

  it('names the rule, its help and every element it hit', () => {
    const v = { id: 'label', impact: 'critical' as const, help: 'Form elements must have labels', nodes: [node('#q'), node('iframe', 'input')] };
    expect(seriousViolations([v])).toEqual(['critical label: Form elements must have labels — #q, iframe input']);
  });
});

describe('categoryScores', () => {
  it('turns 0–1 scores into whole percentages, a missing score into 0', () => {
    const categories = { performance: { score: 0.987 }, accessibility: { score: 1 }, 'best-practices': { score: null } };
    expect(categoryScores({ categories } as never)).toEqual({ performance: 99, accessibility: 100, 'best-practices': 0 });
  });
});

describe('shortfalls', () => {
  const floors = { performance: 90, accessibility: 95 };
  it.each([
    [{ performance: 90, accessibility: 95 }, []],
    [{ performance: 89, accessibility: 100 }, ['performance 89 < 90']],
    [{ performance: 100 }, ['accessibility missing < 95']],
  ])('%o against the floors → %o', (scores, expected) => {
    expect(shortfalls(scores, floors)).toEqual(expected);
  });
});

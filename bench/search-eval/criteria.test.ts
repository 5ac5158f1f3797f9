import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CriteriaSchema, gradeOf, type Rule } from './criteria.ts';

const tshirt = '\\bt[\\s-]?shirts?\\b|\\btees?\\b';
const mens: Rule[] = [
  { grade: 2, title: tshirt, category: "\\bMen's Clothing" },
  { grade: 1, title: tshirt },
];
const product = (title: string, category_path: string[], brand: string | null = null) => ({ title, category_path, brand });

describe('gradeOf', () => {
  it.each([
    ["a men's T-Shirt", product("Nike Printed Men's Round Neck T-Shirt", ['Clothing', "Men's Clothing", 'T-Shirts']), 2],
    ['a women’s tee: the product type, not the gender', product('Fab Solid Women Tee', ['Clothing', "Women's Clothing"]), 1],
    ['a shirt is not a t-shirt', product("Arrow Men's Formal Shirt", ['Clothing', "Men's Clothing", 'Shirts']), 0],
    ['"Tshirt" without a hyphen', product('Alan Jones Tshirt', ['Clothing', "Men's Clothing"]), 2],
  ])('%s', (_name, p, grade) => expect(gradeOf(mens, p)).toBe(grade));

  it('matches the brand as a whole field, case-insensitively', () => {
    const rules: Rule[] = [{ grade: 2, brand: '^samsung$' }];
    expect(gradeOf(rules, product('Galaxy J7', [], 'SAMSUNG'))).toBe(2);
    expect(gradeOf(rules, product('Cover for Samsung', [], 'Fuson'))).toBe(0);
    expect(gradeOf(rules, product('Cover', [], null))).toBe(0);
  });
});

describe('criteria.json', () => {
  it('is well formed, has at least 50 distinct queries and compiles every pattern', () => {
    const criteria = CriteriaSchema.parse(JSON.parse(readFileSync(new URL('./criteria.json', import.meta.url), 'utf8')));
    expect(new Set(criteria.queries.map((q) => q.query)).size).toBe(criteria.queries.length);
    for (const q of criteria.queries)
      for (const r of q.rules) for (const p of [r.title, r.category, r.brand]) if (p) expect(() => new RegExp(p, 'i')).not.toThrow();
  });
});

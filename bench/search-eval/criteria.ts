import { z } from 'zod';

// The judging criteria of criteria.json and how a product is graded by them (pure).
const RuleSchema = z.object({
  grade: z.union([z.literal(1), z.literal(2)]),
  title: z.string().optional(),
  category: z.string().optional(),
  brand: z.string().optional(),
});

export const CriteriaSchema = z.object({
  about: z.string(),
  queries: z.array(z.object({ query: z.string().min(1), kind: z.string(), rules: z.array(RuleSchema).min(1) })).min(50),
});
export type Rule = z.infer<typeof RuleSchema>;

export type JudgedProduct = { title: string; brand: string | null; category_path: readonly string[] };

const test = (pattern: string | undefined, value: string) => pattern === undefined || new RegExp(pattern, 'i').test(value);

/** The grade of the first rule every pattern of which the product satisfies, else 0. */
export function gradeOf(rules: readonly Rule[], p: JudgedProduct): number {
  const category = p.category_path.join(' > ');
  const rule = rules.find((r) => test(r.title, p.title) && test(r.category, category) && test(r.brand, p.brand ?? ''));
  return rule?.grade ?? 0;
}

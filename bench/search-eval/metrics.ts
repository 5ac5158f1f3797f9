// Pure ranking metrics over one result list and the graded judgments of its query.
// A product is relevant when its grade is at least 1; DCG uses the exponential gain 2^grade − 1.

export type Grades = ReadonlyMap<string, number>;

/** Share of the first k results that are relevant; missing results count as not relevant. */
export function precisionAt(k: number, ranked: readonly string[], grades: Grades): number {
  const relevant = ranked.slice(0, k).filter((id) => (grades.get(id) ?? 0) > 0).length;
  return relevant / k;
}

const gain = (grade: number) => 2 ** grade - 1;
const dcg = (gradesInOrder: readonly number[]) => gradesInOrder.reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);

/** DCG of the first k results over the DCG of the best possible first k; 0 when nothing is relevant at all. */
export function ndcgAt(k: number, ranked: readonly string[], grades: Grades): number {
  const ideal = dcg(
    [...grades.values()]
      .filter((g) => g > 0)
      .sort((a, b) => b - a)
      .slice(0, k),
  );
  if (ideal === 0) return 0;
  return dcg(ranked.slice(0, k).map((id) => grades.get(id) ?? 0)) / ideal;
}

/** Nearest-rank percentile of a sample (p in 0–100). */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const mean = (xs: readonly number[]): number => (xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length);

// Pure: how the storefront writes money, stock, facet buckets and page numbers.

const whole = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });
const withPaise = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Paise as rupees with Indian digit grouping: ₹1,23,456, or ₹1,23,456.50 when paise are not zero. */
export function rupees(paise: number): string {
  return `₹${paise % 100 === 0 ? whole.format(paise / 100) : withPaise.format(paise / 100)}`;
}

export const LOW_STOCK = 5;

/** What a shopper reads about stock: none, a few (a reason to hurry), or enough. */
export function stockText(available: number): string {
  if (available <= 0) return 'Out of stock';
  if (available <= LOW_STOCK) return `Only ${available} left`;
  return 'In stock';
}

/** A price facet bucket (paise, `to` exclusive) as a label. */
export function priceBucketLabel(bucket: { from: number | null; to: number | null }): string {
  if (bucket.from === null && bucket.to !== null) return `Under ${rupees(bucket.to)}`;
  if (bucket.from !== null && bucket.to === null) return `${rupees(bucket.from)} and above`;
  return `${rupees(bucket.from ?? 0)} – ${rupees(bucket.to ?? 0)}`;
}

export const ratingBucketLabel = (from: number | null): string => `${from ?? 0}★ and up`;

/**
 * The page numbers a pager shows: the first, the last, and `around` either side of the current
 * one, with null where numbers are left out.
 */
export function pageWindow(current: number, last: number, around = 2): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let p = 1; p <= last; p++) {
    if (p === 1 || p === last || Math.abs(p - current) <= around) pages.push(p);
    else if (pages.at(-1) !== null) pages.push(null);
  }
  return pages;
}

/** The star rating out of five with its count, as text a screen reader says well; an average over no ratings (the catalog's) is not shown. */
export const ratingText = (summary: { average: number | null; count: number }): string =>
  summary.average === null || summary.count === 0
    ? 'No ratings yet'
    : `${summary.average.toFixed(1)} out of 5 (${summary.count} ${summary.count === 1 ? 'rating' : 'ratings'})`;

import { z } from 'zod';

// Turns one CSV record of the Flipkart dataset into a catalog row, or says why it cannot.
// Prices become integer paise without passing through floating point.

export type CatalogRow = {
  id: string;
  pid: string;
  title: string;
  brand: string | null;
  category_path: string[];
  description: string | null;
  image_urls: string[];
  specifications: { key: string; value: string }[];
  price_amount: number | null;
  mrp_amount: number | null;
  rating: number | null;
};

export type ParseResult = { ok: true; row: CatalogRow } | { ok: false; reason: string };

const MAX_PAISE = 10_000_000_00; // ₹1 crore: far above anything in the catalog, well below 2^53

/** "379.0" → 37900; "12.5" → 1250; rejects negatives, exponents and more than 2 decimals. */
export function rupeesToPaise(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2})0*)?$/.exec(text.trim());
  if (!m) return null;
  const paise = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return paise <= MAX_PAISE ? paise : null;
}

const imageUrls = z.array(z.string().url());
const specifications = z.array(z.object({ key: z.string(), value: z.string() }));

function parseJson<T>(text: string, schema: z.ZodType<T>, empty: T): T | undefined {
  if (text.trim() === '') return empty;
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

const blankToNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());

export function parseCatalogRecord(rec: Record<string, string | undefined>): ParseResult {
  const id = blankToNull(rec.id);
  if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id))
    return { ok: false, reason: `id must be 1-64 letters, digits, '-' or '_' (got ${JSON.stringify(rec.id ?? '')})` };
  const title = blankToNull(rec.name);
  if (!title) return { ok: false, reason: 'name is empty' };
  if (title.length > 500) return { ok: false, reason: 'name is longer than 500 characters' };
  const pid = blankToNull(rec.pid);
  if (!pid) return { ok: false, reason: 'pid is empty' };

  const retail = blankToNull(rec.retail_price);
  const discounted = blankToNull(rec.discounted_price);
  const mrp = retail === null ? null : rupeesToPaise(retail);
  const price = discounted === null ? null : rupeesToPaise(discounted);
  if (retail !== null && mrp === null) return { ok: false, reason: `retail_price is not an amount in rupees: ${JSON.stringify(retail)}` };
  if (discounted !== null && price === null) return { ok: false, reason: `discounted_price is not an amount in rupees: ${JSON.stringify(discounted)}` };
  if (price !== null && mrp !== null && price > mrp) return { ok: false, reason: `discounted_price ${discounted} exceeds retail_price ${retail}` };

  const ratingText = blankToNull(rec.rating);
  const rating = ratingText === null ? null : Number(ratingText);
  if (rating !== null && !(Number.isFinite(rating) && rating >= 0 && rating <= 5))
    return { ok: false, reason: `rating must be between 0 and 5: ${JSON.stringify(ratingText)}` };

  const images = parseJson(rec.image_urls ?? '', imageUrls, []);
  if (images === undefined) return { ok: false, reason: 'image_urls is not a JSON array of URLs' };
  const specs = parseJson(rec.specifications ?? '', specifications, []);
  if (specs === undefined) return { ok: false, reason: 'specifications is not a JSON array of {key, value}' };

  return {
    ok: true,
    row: {
      id,
      pid,
      title,
      brand: blankToNull(rec.brand),
      category_path: (rec.category_path ?? '')
        .split('>>')
        .map((s) => s.trim())
        .filter(Boolean),
      description: blankToNull(rec.description),
      image_urls: images,
      specifications: specs,
      // one of the two prices alone stands for both
      price_amount: price ?? mrp,
      mrp_amount: mrp ?? price,
      rating: rating === null ? null : Math.round(rating * 10) / 10,
    },
  };
}

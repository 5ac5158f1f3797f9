import { createRequire } from 'node:module';
import { convertV2 } from 'openapi-to-postmanv2';
import { CollectionSchema, type PostmanCollection } from './format.ts';

// The one module that uses openapi-to-postmanv2. The converter fakes parameter values and
// bodies from the schemas with Math.random, its bundled json-schema-faker's own random option
// and `new Date()`; all three are pinned while it runs (it runs synchronously) so the same
// document always gives the same collection, byte for byte.
const require = createRequire(import.meta.url);
const faker = require('openapi-to-postmanv2/assets/json-schema-faker.js') as { option(o: { random: () => number }): void };
const FIXED_NOW = Date.UTC(2025, 0, 1);

function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class FixedDate extends Date {
  constructor(...args: ConstructorParameters<typeof Date> | []) {
    if (args.length === 0) super(FIXED_NOW);
    else super(...(args as ConstructorParameters<typeof Date>));
  }
  static override now(): number {
    return FIXED_NOW;
  }
}

export function convertToPostman(spec: object): PostmanCollection {
  const [random, RealDate] = [Math.random, globalThis.Date];
  let out: { error?: string; data?: object } | undefined;
  faker.option({ random: seeded(13) });
  Math.random = seeded(7);
  globalThis.Date = FixedDate as DateConstructor;
  try {
    convertV2(
      { type: 'json', data: spec },
      {
        folderStrategy: 'Tags',
        requestNameSource: 'Fallback',
        parametersResolution: 'Example',
        enableOptionalParameters: false,
        alwaysInheritAuthentication: true,
        includeDeprecated: false,
      },
      (err, res) => {
        out = err || !res?.result ? { error: err?.message ?? res?.reason ?? 'no collection' } : { data: res.output?.[0]?.data };
      },
    );
  } finally {
    Math.random = random;
    globalThis.Date = RealDate;
  }
  if (!out) throw new Error('openapi-to-postmanv2 answered asynchronously: its output could not be made deterministic');
  if (out.error || !out.data) throw new Error(`openapi-to-postmanv2: ${out.error}`);
  return CollectionSchema.parse(out.data);
}

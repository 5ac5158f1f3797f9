import { describe, expect, it } from 'vitest';
import { type CpuProfile, selfTimes } from './cpu-profile.ts';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

describe('selfTimes', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 3] },
      { id: 2, callFrame: frame('answer', 'file:///work/main/edge/http/hot-front.ts', 12) },
      { id: 3, callFrame: frame('', 'node:internal/http', 4) },
      { id: 4, callFrame: frame('answer', 'file:///work/main/edge/http/hot-front.ts', 12) },
    ],
    samples: [2, 3, 4, 2, 1],
    timeDeltas: [10, 5, 20, 1, 7],
  };

  it.each([
    [1, [{ fn: 'answer edge/http/hot-front.ts:13', us: 31 }]],
    [
      3,
      [
        { fn: 'answer edge/http/hot-front.ts:13', us: 31 },
        { fn: '(root)', us: 7 },
        { fn: '(anonymous) node:internal/http:5', us: 5 },
      ],
    ],
  ])('sums self time per function across call sites (top %i)', (top, expected) => {
    expect(selfTimes(profile, top)).toEqual(expected);
  });
});

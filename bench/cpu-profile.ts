// Pure: where a V8 CPU profile (node --cpu-prof) spent its time, as self time per function
// (name and place), largest first: what `bench:edge -- --cpu-prof` prints per request.
export type CpuProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
export type CpuProfile = { nodes: CpuProfileNode[]; samples: number[]; timeDeltas: number[] };
export type SelfTime = { fn: string; us: number };

const place = (url: string) => url.replace(/^file:\/\/.*?\/(node_modules|edge|openapi|config|log)\//, '$1/');

/** Self time (µs) by function, summed over every call site, the `top` largest first. */
export function selfTimes(profile: CpuProfile, top: number): SelfTime[] {
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byFn = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = frameOf.get(id);
    if (!f) return;
    const fn = `${f.functionName || '(anonymous)'} ${f.url ? `${place(f.url)}:${f.lineNumber + 1}` : ''}`.trim();
    byFn.set(fn, (byFn.get(fn) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return [...byFn]
    .map(([fn, us]) => ({ fn, us }))
    .sort((a, b) => b.us - a.us)
    .slice(0, top);
}

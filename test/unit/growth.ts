// Linear-time checks without wall-clock limits: a run on 8n input must take well under 64 times (what
// a quadratic pass takes) the run on n. Each size is timed a few times and the fastest kept, so a
// busy machine, the garbage collector and V8's regular-expression tier-up inflate neither side much;
// the bound (32, four times linear, half of quadratic) leaves room for n log n and that noise.

export const GROWTH_FACTOR = 8;
export const MAX_LINEAR_RATIO = 32;

import * as v8 from 'v8';
import * as vm from 'vm';

// A full collection before each timed run, so garbage left by the previous run is not charged to it.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function fastest(run: () => void, times: number): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    // CPU time of this process, not wall-clock time: other processes on a shared machine do not count.
    collectGarbage();
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** time(8n) / time(n), each the least CPU time of three runs (after a warm-up), floored at 2 ms for n. */
export function growthRatio<T>(make: (n: number) => T, run: (input: T) => void, n: number): number {
  const small = make(n);
  const large = make(n * GROWTH_FACTOR);
  run(small);
  run(large);
  const t1 = fastest(() => run(small), 3);
  const t2 = fastest(() => run(large), 3);
  return t2 / Math.max(t1, 2);
}

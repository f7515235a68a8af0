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

/** One measurement: time(8n) / time(n), each the least CPU time of three runs (after a warm-up), floored at 2 ms for n. */
function measureOnce<T>(small: T, large: T, run: (input: T) => void): number {
  run(small);
  run(large);
  const t1 = fastest(() => run(small), 3);
  const t2 = fastest(() => run(large), 3);
  return t2 / Math.max(t1, 2);
}

/** How many measurements a ratio over the bound gets before it counts. */
export const ATTEMPTS = 3;

/**
 * time(8n) / time(n): the least of up to ATTEMPTS measurements, stopping at the first under MAX_LINEAR_RATIO.
 * A pass that is really quadratic is over the bound every time (about 64×); a measurement spoilt by a busy
 * machine (a CI runner that also builds, a concurrent GC thread charged to this process) is not, so one that
 * fails is taken again. Seen on a CI run: 34× once for a pass that measures 3-17× on the same machine.
 */
export function growthRatio<T>(make: (n: number) => T, run: (input: T) => void, n: number): number {
  const small = make(n);
  const large = make(n * GROWTH_FACTOR);
  let best = Infinity;
  for (let attempt = 0; attempt < ATTEMPTS && best >= MAX_LINEAR_RATIO; attempt++) best = Math.min(best, measureOnce(small, large, run));
  return best;
}

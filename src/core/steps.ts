// Work written as a generator that yields between steps, run either to its end at once or in time
// slices that await `pause()` (the extension host's next turn) whenever a slice has run `sliceMs`:
// one body for both, so a large library never holds the host's thread in one piece.

/** Runs `steps` to its end now and returns its result. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs `steps` to its end, awaiting `pause()` whenever a slice has run `sliceMs` (0: after every step). */
export async function runStepsInSlices<T>(steps: Generator<void, T>, pause: () => Promise<void>, sliceMs: number): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

/** Elements merged between two yields of `sortSteps`. */
const MERGED_PER_STEP = 20_000;

/**
 * A stable sort of `items` (a new array; `items` is not changed) in steps: a bottom-up merge sort
 * that yields every few tens of thousands of elements merged, so that a list of 100,000 can be
 * sorted in time slices (in one piece it held the host's thread for 0.4-0.9 s).
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Generator<void, T[]> {
  let from = items.slice();
  let to = new Array<T>(from.length);
  let merged = 0;
  for (let width = 1; width < from.length; width *= 2) {
    for (let left = 0; left < from.length; left += 2 * width) {
      const mid = Math.min(left + width, from.length), right = Math.min(left + 2 * width, from.length);
      let i = left, j = mid, k = left;
      while (i < mid && j < right) to[k++] = compare(from[j]!, from[i]!) < 0 ? from[j++]! : from[i++]!;
      while (i < mid) to[k++] = from[i++]!;
      while (j < right) to[k++] = from[j++]!;
      if ((merged += right - left) >= MERGED_PER_STEP) {
        merged = 0;
        yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

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

// Types for scripts/suites.mjs.
export const SUITES: string[];
export function skippedSuites(env?: NodeJS.ProcessEnv): Set<string>;

// Types for scripts/child-env.mjs (imported by the unit tests).
export function isNpmVariable(name: string): boolean;
export function cleanChildEnv(
  env: NodeJS.ProcessEnv,
  options?: { prependPath?: string[]; set?: Record<string, string>; delimiter?: string },
): Record<string, string>;

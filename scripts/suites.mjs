// DOSSIER_SKIP_SUITES=pandoc,integration,ui (any of them, comma- or space-separated): the suites a
// user opted out of. Read by the host set-up, the suite runners and the Pandoc unit suite, which
// each say so in their output when they skip.
export const SUITES = ['pandoc', 'integration', 'ui'];

/** The suites skipped by DOSSIER_SKIP_SUITES; an unknown name is an error (a typo must not skip nothing silently). */
export function skippedSuites(env = process.env) {
  const names = (env.DOSSIER_SKIP_SUITES ?? '').split(/[\s,]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !SUITES.includes(name));
  if (unknown.length) throw new Error(`DOSSIER_SKIP_SUITES: unknown suite ${unknown.join(', ')} (known: ${SUITES.join(', ')})`);
  return new Set(names);
}

// The suites that compare Dossier with a real Pandoc need Debian's pandoc. `npm test` installs it
// when run as root; without it these suites fail saying what to install, unless the user opted out
// with DOSSIER_SKIP_SUITES=pandoc, and then they say that they skipped.
import { spawnSync } from 'child_process';
import type { Context } from 'mocha';
import { skippedSuites } from '../../scripts/suites.mjs';

/** In a `before` hook: skips (saying so) when opted out, throws when pandoc is missing; returns its version line. */
export function requirePandoc(context: Context): string {
  if (skippedSuites().has('pandoc')) {
    console.log('      (skipped: DOSSIER_SKIP_SUITES includes pandoc)');
    context.skip();
  }
  const pandoc = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (pandoc.status !== 0) {
    throw new Error(
      "pandoc is not installed: install Debian's pandoc (as root: apt-get install -y pandoc; `npm test` does it when run as root), " +
        'or skip the Pandoc suites with DOSSIER_SKIP_SUITES=pandoc',
    );
  }
  return pandoc.stdout.split('\n')[0] ?? 'pandoc';
}

// The `dossier` command: index, search, check and bib over the same core the extension uses.

import { UsageError } from './args';
import { runBib } from './bib';
import { runCheck } from './check';
import { runIndex } from './index';
import { runSearch } from './search';

declare const DOSSIER_VERSION: string | undefined;
const version = typeof DOSSIER_VERSION === 'string' ? DOSSIER_VERSION : '0.0.0-dev';

const HELP = `dossier ${version} — index and cite a folder of source articles

Usage:
  dossier index <folder>... [--json] [--cache DIR] [--workers N]
      Read .txt, .md, .html, .mhtml and .pdf articles (recursively; node_modules and dot-folders skipped) and print a
      summary, or with --json the index (shape documented in the README, "version": 1).
      --cache DIR keeps the index in DIR and re-reads only files whose time or size changed;
      --workers N extracts large folders in N threads (default: one per core; 0: none).
  dossier search <folder> "<query>" [--json] [--limit N]
  dossier search <folder> --queries FILE [--limit N]
      Fuzzy search, tolerant of typos and transliterations. Filters: person: country: outlet: year:.
      --queries runs one query per line and prints one JSON line per query.
  dossier check <articles> <notes>...
      List citation keys in Markdown notes that match no article, as file:line:col; exit 1 if any.
  dossier bib <articles> [--cited-in <notes>...] [--format csl-json|bibtex]
      Print a bibliography of all articles, or only of those cited in the notes given.

Options:
  -h, --help     show this help
  -v, --version  show the version

Exit codes: 0 done (warnings are printed but do not fail), 1 check found unknown keys,
2 usage error or missing folder.`;

type Command = (argv: string[], out: (text: string) => void, err: (text: string) => void) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  index: runIndex,
  search: runSearch,
  check: runCheck,
  bib: runBib,
};

export async function main(argv: string[], out = (t: string) => console.log(t), err = (t: string) => console.error(t)): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    out(HELP);
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') {
    out(version);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    err(`dossier: unknown command '${command}' (try dossier --help)`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out(HELP);
    return 0;
  }
  try {
    return await run(rest, out, err);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`dossier ${command}: ${error.message} (try dossier --help)`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error) => { console.error(`dossier: ${error instanceof Error ? error.stack ?? error.message : error}`); process.exitCode = 3; },
  );
}

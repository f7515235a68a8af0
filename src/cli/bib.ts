// Placeholder until the bib subcommand lands (owned by another change in progress).
import { UsageError } from './args';

export function runBib(_argv: string[], _out: (text: string) => void, _err: (text: string) => void): number {
  throw new UsageError('bib is not available yet');
}

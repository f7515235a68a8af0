// Placeholder until the search subcommand lands (owned by another change in progress).
import { UsageError } from './args';

export function runSearch(_argv: string[], _out: (text: string) => void, _err: (text: string) => void): number {
  throw new UsageError('search is not available yet');
}

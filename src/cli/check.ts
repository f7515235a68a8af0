// Placeholder until the check subcommand lands (owned by another change in progress).
import { UsageError } from './args';

export function runCheck(_argv: string[], _out: (text: string) => void, _err: (text: string) => void): number {
  throw new UsageError('check is not available yet');
}

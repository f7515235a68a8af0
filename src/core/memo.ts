// A bounded memo for pure string functions on hot paths (word folding, transliteration keys):
// the vocabulary of a corpus repeats, so most calls become one Map lookup. Cleared when it grows
// past `limit`, which keeps memory flat on huge corpora.

export function memoizeString(fn: (input: string) => string, limit = 100_000): (input: string) => string {
  const cache = new Map<string, string>();
  return (input) => {
    let value = cache.get(input);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      cache.set(input, (value = fn(input)));
    }
    return value;
  };
}

// The keys nearest to an unknown one, for quick fixes and `dossier check`'s hints: edit distance on
// the whole key (also with separators ignored, so `venezuelan-mfa` finds `venezuelanmfa-…`), a key
// that starts with what was typed, and a bonus for sharing the key's parts (outlet, year, title words).

export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

const squash = (key: string) => key.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A key's parts: runs of letters or digits (`tass2025-cuba` → tass, 2025, cuba). */
export function keyParts(key: string): string[] {
  return key.toLowerCase().match(/\p{L}+|\p{N}+/gu)?.filter((p) => p.length > 1) ?? [];
}

/** How far `key` is from `unknown`: 0 is the same; keys scoring 0.55 or more are not offered. */
export function keyScore(unknown: string, key: string): number {
  if (unknown === key) return -1;
  const a = squash(unknown);
  const b = squash(key);
  if (!a || !b) return Infinity;
  let score = editDistance(a, b) / Math.max(a.length, b.length);
  if (a.length >= 3 && b.startsWith(a)) score = Math.min(score, 0.2 + 0.2 * (1 - a.length / b.length));
  const wanted = keyParts(unknown);
  const parts = new Set(keyParts(key));
  if (wanted.length) score -= (0.5 * wanted.filter((p) => parts.has(p)).length) / Math.max(wanted.length, parts.size);
  return score;
}

export function nearestKeys(unknown: string, keys: Iterable<string>, count = 3): string[] {
  const scored: { key: string; score: number }[] = [];
  for (const key of keys) {
    if (key === unknown) continue;
    const score = keyScore(unknown, key);
    if (score < 0.55) scored.push({ key, score });
  }
  return scored.sort((a, b) => a.score - b.score || (a.key < b.key ? -1 : 1)).slice(0, count).map((s) => s.key);
}

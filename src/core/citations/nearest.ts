// The keys nearest to an unknown one, for quick fixes and `dossier check`'s hints: edit distance on
// the whole key, with a bonus for sharing its parts (outlet, year, title words).

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

export function nearestKeys(unknown: string, keys: Iterable<string>, count = 3): string[] {
  const wanted = unknown.toLowerCase();
  const parts = new Set(wanted.split(/[-_:.]+/).filter((p) => p.length > 2));
  const scored: { key: string; score: number }[] = [];
  for (const key of keys) {
    const lower = key.toLowerCase();
    const distance = editDistance(wanted, lower, Math.max(wanted.length, lower.length));
    const shared = lower.split(/[-_:.]+/).filter((p) => parts.has(p)).length;
    const score = distance / Math.max(wanted.length, lower.length, 1) - shared * 0.25;
    if (score < 0.6) scored.push({ key, score });
  }
  return scored.sort((a, b) => a.score - b.score || a.key.localeCompare(b.key)).slice(0, count).map((s) => s.key);
}

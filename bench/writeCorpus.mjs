// Writes a generated corpus to disk for the host bench and the CLI: node bench/writeCorpus.mjs DIR COUNT [SEED].
// (Runs bench/generate.ts through tsx; a corpus already complete in DIR is left as it is.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function writeCorpus(dir, count, seed = 1) {
  const marker = path.join(dir, `.complete-${count}-${seed}`);
  if (fs.existsSync(marker)) return;
  fs.rmSync(dir, { recursive: true, force: true });
  const script = `
    const fs = require('fs'), path = require('path');
    const { generateArticleStream } = require(${JSON.stringify(path.resolve(import.meta.dirname, 'generate.ts'))});
    const dir = ${JSON.stringify(dir)};
    for (const a of generateArticleStream(${count}, ${seed})) {
      const file = path.join(dir, a.file);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, a.text);
    }`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=commonjs', '-e', script], { stdio: 'inherit', cwd: path.resolve(import.meta.dirname, '..') });
  if (run.status !== 0) throw new Error(`generating ${count} articles failed`);
  fs.writeFileSync(marker, '');
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir || !count) {
    console.error('usage: node bench/writeCorpus.mjs DIR COUNT [SEED]');
    process.exit(2);
  }
  writeCorpus(path.resolve(dir), Number(count), Number(seed ?? 1));
}

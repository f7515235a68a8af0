// The five seed articles indexed in one batch, as several suites start from them.
import * as fs from 'fs';
import * as path from 'path';
import { Corpus } from '../../src/core/library/corpus';

export const SEEDS = path.join(__dirname, '../../seeds');

export function seedCorpus(): Corpus {
  const corpus = new Corpus();
  corpus.batch(() => {
    for (const f of fs.readdirSync(SEEDS).sort()) corpus.upsert(`/w/seeds/${f}`, `seeds/${f}`, fs.readFileSync(path.join(SEEDS, f)));
  });
  return corpus;
}

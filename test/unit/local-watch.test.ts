// The folder watches that hear of a changed article before VS Code's watcher does (src/node/localWatch.ts),
// and the folders the walk reports for them.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWatch } from '../../src/node/localWatch';
import { walkFolder } from '../../src/node/walk';

/** Waits until `ok()` holds (events arrive asynchronously); fails after `ms` with what was heard. */
async function until(ok: () => boolean, what: () => string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) assert.fail(`timed out waiting: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('local folder watches', () => {
  let root: string;
  let watch: LocalWatch | undefined;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-watch-'));
    fs.mkdirSync(path.join(root, 'articles', 'deep'), { recursive: true });
    fs.mkdirSync(path.join(root, 'node_modules', 'x'), { recursive: true });
    fs.writeFileSync(path.join(root, 'articles', 'a.txt'), 'A\n\nBody.');
  });
  afterEach(() => {
    watch?.close();
    watch = undefined;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('the walk reports the folders it entered, not the excluded ones', async () => {
    const walk = await walkFolder({ root, include: ['**/*.txt'], exclude: ['**/node_modules'] });
    assert.deepStrictEqual(walk.folders, ['', 'articles', 'articles/deep']);
  });

  it('hears a file written, changed and deleted in any walked folder, and in a folder created later', async () => {
    const walk = await walkFolder({ root, include: ['**/*.txt'], exclude: ['**/node_modules'] });
    const heard: string[] = [];
    const problems: string[] = [];
    watch = new LocalWatch({ root, folders: walk.folders, exclude: ['**/node_modules'], onChange: (r) => heard.push(r), onProblem: (m) => problems.push(m) });
    assert.strictEqual(watch.size, 3);
    fs.writeFileSync(path.join(root, 'articles', 'deep', 'b.txt'), 'B');
    await until(() => heard.includes('articles/deep/b.txt'), () => heard.join(', '));
    fs.appendFileSync(path.join(root, 'articles', 'a.txt'), ' More.');
    await until(() => heard.includes('articles/a.txt'), () => heard.join(', '));
    fs.rmSync(path.join(root, 'articles', 'a.txt'));
    const before = heard.filter((h) => h === 'articles/a.txt').length;
    await until(() => heard.filter((h) => h === 'articles/a.txt').length > before, () => heard.join(', '));

    // A folder made after the walk is watched once its parent reports it.
    fs.mkdirSync(path.join(root, 'articles', 'new'));
    await until(() => watch!.size === 4, () => `${watch!.size} folders watched; heard ${heard.join(', ')}`);
    fs.writeFileSync(path.join(root, 'articles', 'new', 'c.txt'), 'C');
    await until(() => heard.includes('articles/new/c.txt'), () => heard.join(', '));

    // An excluded folder is not watched, even when made later.
    fs.mkdirSync(path.join(root, 'articles', 'node_modules'));
    await until(() => heard.includes('articles/node_modules'), () => heard.join(', '));
    fs.writeFileSync(path.join(root, 'articles', 'node_modules', 'd.txt'), 'D');
    fs.writeFileSync(path.join(root, 'articles', 'e.txt'), 'E'); // a marker: events arrive in order
    await until(() => heard.includes('articles/e.txt'), () => heard.join(', '));
    assert.ok(!heard.includes('articles/node_modules/d.txt'), heard.join(', '));
    assert.strictEqual(watch.size, 4);

    // A folder deleted drops its watch, and that is no problem.
    fs.rmSync(path.join(root, 'articles', 'new'), { recursive: true });
    await until(() => watch!.size === 3, () => `${watch!.size} folders watched`);
    assert.deepStrictEqual(problems, []);
    assert.ok(watch.active);
  });

  it('says once why it does not watch a library with more folders than it may take, and watches none', () => {
    const problems: string[] = [];
    watch = new LocalWatch({ root, folders: ['', 'articles', 'articles/deep'], exclude: [], onChange: () => undefined, onProblem: (m) => problems.push(m), maxFolders: 2 });
    assert.strictEqual(watch.size, 0);
    assert.ok(!watch.active);
    assert.deepStrictEqual(problems, ['3 folders are more than the 2 watched at most']);
  });

  it('a folder gone between the walk and the watch is skipped without a problem', () => {
    const problems: string[] = [];
    watch = new LocalWatch({ root, folders: ['', 'gone', 'articles'], exclude: [], onChange: () => undefined, onProblem: (m) => problems.push(m) });
    assert.strictEqual(watch.size, 2);
    assert.deepStrictEqual(problems, []);
  });

  it('after close, nothing more is heard', async () => {
    const heard: string[] = [];
    watch = new LocalWatch({ root, folders: ['', 'articles'], exclude: [], onChange: (r) => heard.push(r), onProblem: () => undefined });
    watch.close();
    fs.writeFileSync(path.join(root, 'articles', 'late.txt'), 'L');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepStrictEqual(heard, []);
    assert.strictEqual(watch.size, 0);
  });
});

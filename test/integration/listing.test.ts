// The local walk that lists article files (src/extension/localFiles.ts) against VS Code's own file
// search: on a folder with nested, hidden, excluded and linked folders (a link loop among them),
// both list the same files for each article glob. The walk replaced `findFiles` for local folders
// for speed; this is what keeps it honest. The extension runs the walk in a worker thread: the
// worker's listing is the same as the host thread's.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { filesExclude, listLocalFolder } from '../../src/extension/localFiles';
import { matchesAny } from '../../src/core/glob';
import { dossier, waitFor } from './helpers';

describe('listing: the local walk lists what VS Code\'s file search lists', function () {
  this.timeout(60_000);
  let root: string;

  before(async () => {
    await dossier();
    const workspace = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    root = path.join(workspace, 'zz-listing');
    const write = (relative: string, text = 'Lavrov visited Havana.\n') => {
      const file = path.join(root, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    };
    write('zz-docs/a.txt');
    write('zz-docs/deep/er/b.htm', '<p>Lavrov</p>');
    write('zz-docs/page.html', '<html><body><p>Lavrov</p></body></html>');
    write('zz-docs/page_files/asset.txt');
    write('zz-docs/.hidden/c.txt');
    write('zz-docs/notes.docx');
    write('node_modules/zz-docs/d.txt');
    write('zz-src/e.txt');
    write('elsewhere/zz-docs/f.txt');
    write('outside/g.txt');
    write('other/h.txt');
    // A modification time with a fraction of a millisecond over one half: stamping by truncation instead of
    // Node's and VS Code's rounding gives 1 ms less (CI saw it on a random time, about one file in two).
    const when = 1_700_000_000.0007;
    fs.utimesSync(path.join(root, 'zz-docs', 'a.txt'), when, when);
    fs.symlinkSync(path.join(root, 'other'), path.join(root, 'zz-docs', 'linked'));
    fs.symlinkSync(path.join(root, 'zz-docs'), path.join(root, 'zz-docs', 'deep', 'loop'));
    fs.symlinkSync(path.join(root, 'outside', 'g.txt'), path.join(root, 'zz-src', 'g-link.txt'));
    fs.symlinkSync(path.join(root, 'nowhere.txt'), path.join(root, 'zz-src', 'broken.txt'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('the same files for article globs of the default shape, excludes applied', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!;
    // The default globs' shape on folder names the window's own index leaves alone.
    const globs = ['**/zz-docs/**/*.{txt,md,html,htm,pdf}', '**/zz-src/**/*.{txt,md,html,htm,pdf}'];
    const exclude = vscode.workspace.getConfiguration('dossier', folder.uri).get<string[]>('exclude')!;
    const under = (relative: string) => relative.startsWith('zz-listing/');

    const walked = await listLocalFolder(folder, globs, [...exclude, ...filesExclude(folder)]);
    const fromWalk = walked.files.map((f) => f.relative).filter(under).sort();

    const fromSearch = new Set<string>();
    for (const glob of globs) {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob))) {
        const relative = vscode.workspace.asRelativePath(uri, false);
        if (under(relative) && !matchesAny(relative, exclude)) fromSearch.add(relative);
      }
    }
    // VS Code's search does not list a broken link; the walk does, so that its read can say why it
    // is skipped (as the CLI does). Apart from it, the lists agree.
    const broken = walked.files.filter((f) => f.broken).map((f) => f.relative);
    assert.deepStrictEqual(broken, ['zz-listing/zz-src/broken.txt']);
    assert.deepStrictEqual(fromWalk.filter((r) => !broken.includes(r)), [...fromSearch].sort());
    // What the walk is for: the stamps and real paths come with the listing.
    const a = walked.files.find((f) => f.relative === 'zz-listing/zz-docs/a.txt')!;
    const stat = fs.statSync(path.join(root, 'zz-docs', 'a.txt'));
    assert.deepStrictEqual(a.stamp, { mtime: stat.mtime.getTime(), size: stat.size });
    const viaApi = await vscode.workspace.fs.stat(vscode.Uri.file(path.join(root, 'zz-docs', 'a.txt')));
    assert.deepStrictEqual(a.stamp, { mtime: viaApi.mtime, size: viaApi.size }, 'the walk stamps a file as workspace.fs.stat does');
    assert.strictEqual(a.real, fs.realpathSync(path.join(root, 'zz-docs', 'a.txt')));
    const linked = walked.files.find((f) => f.relative === 'zz-listing/zz-docs/linked/h.txt')!;
    assert.strictEqual(linked.real, fs.realpathSync(path.join(root, 'other', 'h.txt')));
    const g = walked.files.find((f) => f.relative === 'zz-listing/zz-src/g-link.txt')!;
    assert.strictEqual(g.real, fs.realpathSync(path.join(root, 'outside', 'g.txt')));
    assert.deepStrictEqual(walked.problems, []);
    assert.strictEqual(walked.walkedIn, 'host', 'without a worker script, the walk runs on the host\'s thread');

    // The extension lists in its bundled worker thread (dist/walkWorker.js): the same files, stamps
    // and real paths, and the same Uris.
    const script = path.join(vscode.extensions.getExtension('dossier.dossier')!.extensionPath, 'dist', 'walkWorker.js');
    const problems: string[] = [];
    const inWorker = await listLocalFolder(folder, globs, [...exclude, ...filesExclude(folder)], script, (m) => problems.push(m));
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(inWorker.walkedIn, 'worker');
    const plain = (l: typeof walked) => l.files.map((f) => ({ ...f, uri: f.uri.toString() }));
    assert.deepStrictEqual(plain(inWorker), plain(walked));
    assert.deepStrictEqual(inWorker.problems, walked.problems);

    // A worker that cannot start is said once, and the folder is listed on the host's thread instead.
    const said: string[] = [];
    const fallback = await listLocalFolder(folder, globs, [...exclude, ...filesExclude(folder)], path.join(root, 'no-such-worker.js'), (m) => said.push(m));
    assert.strictEqual(fallback.walkedIn, 'host');
    assert.deepStrictEqual(plain(fallback), plain(walked));
    assert.strictEqual(said.length, 1);
    assert.match(said[0]!, /^Listing .+ in a worker thread failed \(.+\); listed on the extension host's thread instead\.$/);
  });
});

describe('folder watches: a local folder\'s changes are heard by Dossier\'s own watch', function () {
  this.timeout(60_000);
  let api: Awaited<ReturnType<typeof dossier>>;
  const file = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'seeds', 'zz-watched.txt');
  before(async () => {
    api = await dossier();
  });
  after(async () => {
    await vscode.workspace.fs.delete(file()).then(undefined, () => undefined);
  });

  it('the walked folders are watched; a written, edited and deleted article is heard by the watch and indexed', async () => {
    assert.ok(api.index.localWatchedFolders > 0, 'the workspace folder is watched');
    const heard = api.index.localWatchEvents;
    fs.writeFileSync(file().fsPath, 'Tonga and Fiji agree on fisheries\n\nNUKU\'ALOFA, May 2 (AP) -- Tonga and Fiji signed a fisheries pact.\n');
    await waitFor('the new article indexed', () => api.corpus.byLocation(file().toString()));
    assert.ok(api.index.localWatchEvents > heard, 'the folder watch heard the write');
    assert.ok(api.corpus.byLocation(file().toString())!.countries.some((c) => c.code === 'TO'));
    fs.writeFileSync(file().fsPath, 'Samoa and Fiji agree on fisheries\n\nAPIA, May 2 (AP) -- Samoa and Fiji signed a fisheries pact.\n');
    await waitFor('the edit indexed', () => api.corpus.byLocation(file().toString())?.countries.some((c) => c.code === 'WS'));
    fs.rmSync(file().fsPath);
    await waitFor('the deleted article gone', () => !api.corpus.byLocation(file().toString()));
  });

  it('a folder filled with 150 files at once: every one indexed, each read once (through the refresh queue or one incremental scan)', async () => {
    const dir = path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, 'seeds', 'zz-flood');
    await api.index.whenReady();
    const reads = api.index.articleReads;
    try {
      fs.mkdirSync(dir, { recursive: true });
      // More than the refresh queue takes (100) in one go (written on this thread, their events all
      // come after it), into a folder made just before.
      for (let i = 0; i < 150; i++) fs.writeFileSync(path.join(dir, `f${i}.txt`), `Flood article ${i}\n\nSUVA, May 2 (AP) -- Fiji item ${i}.\n`);
      await waitFor('every file of the flood indexed', () => api.corpus.articles().filter((a) => a.location.includes('/zz-flood/')).length === 150);
      await api.index.whenReady();
      // (The few being read when the flood was seen may be listed by the scan before they are stamped.)
      const read = api.index.articleReads - reads;
      assert.ok(read >= 150 && read <= 154, `each file read once: ${read} reads`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await waitFor('the flood gone', () => !api.corpus.articles().some((a) => a.location.includes('/zz-flood/')));
    }
  });
});

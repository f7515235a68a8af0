// Runs inside the real extension host (loaded through extensionTestsPath): every compiled
// `*.test.js` beside this file, with mocha, so suites added later are picked up without a change here.
import * as fs from 'fs';
import * as path from 'path';

export function run(): Promise<void> {
  // mocha is the project's own dev dependency, found from the compiled file's place (out/test/integration).
  const root = path.resolve(__dirname, '../../..');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require(path.join(root, 'node_modules', 'mocha')) as typeof import('mocha');
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  const grep = process.env.DOSSIER_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test${failures === 1 ? '' : 's'} failed`)) : resolve()));
  });
}

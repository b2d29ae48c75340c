/**
 * The environment of the programs we run (`cargo metadata`, `rustc`, `rustup which`): an allow-list of what
 * they need to find their toolchain, their caches and the network, and nothing else. The job's token
 * (`INPUT_GITHUB-TOKEN`, `GITHUB_TOKEN`), the runner's own credentials (`ACTIONS_RUNTIME_TOKEN`,
 * `ACTIONS_ID_TOKEN_REQUEST_*`) and every other variable of the step stay with us.
 *
 * Left out on purpose, though cargo or rustc would read them:
 * - `RUSTFLAGS`, `CARGO_ENCODED_RUSTFLAGS`, `CARGO_BUILD_*` (rustflags, `target`, `rustc`, wrappers),
 *   `CARGO_TARGET_*` (per-target rustflags, linker, runner), `CARGO_PROFILE_*`: the analysis reads them
 *   as data from our own environment; our probe gets only the flags it may have.
 * - `RUSTC_WRAPPER`, `RUSTC_WORKSPACE_WRAPPER`: they change how cargo runs rustc, not what is analysed.
 * - `LD_PRELOAD`, `LD_LIBRARY_PATH`, `LD_AUDIT`, `DYLD_*`: libraries loaded into every child; rustup's
 *   compilers find their own libraries through their run path.
 * - `RUST_TARGET_PATH`, `RUSTC_ICE` and other rustc variables that name files to read or write.
 * - `CARGO_TERM_*`, `CARGO_LOG`, `TERM`: output is captured and parsed, not shown.
 * - `GIT_DIR`, `GIT_WORK_TREE`, `GIT_EXEC_PATH` and the like, which redirect git; the variables that let git
 *   reach private git dependencies (ssh command, askpass, `GIT_CONFIG_*`) are kept.
 */

/** Variables passed by exact name. */
const NAMES = [
  // Finding programs, the home directory and a temporary directory; the user's locale.
  'PATH', 'HOME', 'USER', 'LOGNAME', 'TMPDIR', 'TMP', 'TEMP', 'LANG', 'LANGUAGE', 'TZ',
  // The toolchain: cargo's home, the rustc pinned by us (or by the workflow), `-Z` on a stable compiler as the build would allow it.
  'CARGO_HOME', 'RUSTC', 'RUSTC_BOOTSTRAP',
  // The network: proxies (curl reads the lower-case forms), certificates, the ssh agent for git dependencies.
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'all_proxy',
  'SSL_CERT_FILE', 'SSL_CERT_DIR', 'SSH_AUTH_SOCK',
  // git run by cargo for git dependencies (`net.git-fetch-with-cli`): how it authenticates.
  'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_SSH_VARIANT', 'GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_TERMINAL_PROMPT',
  'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_COUNT', 'GIT_CONFIG_PARAMETERS',
  // Windows: what programs need to start, find their profile and load system libraries.
  'SYSTEMROOT', 'SYSTEMDRIVE', 'WINDIR', 'COMSPEC', 'PATHEXT', 'APPDATA', 'LOCALAPPDATA', 'PROGRAMDATA', 'USERPROFILE', 'HOMEDRIVE', 'HOMEPATH'
]

/** Variables passed by prefix. */
const PREFIXES = [
  'LC_',
  // rustup's own settings: its home, the toolchain, whether it may install, where it downloads from.
  'RUSTUP_',
  // cargo configuration that changes what `cargo metadata` resolves or how it reaches registries.
  'CARGO_NET_', 'CARGO_HTTP_', 'CARGO_REGISTRIES_', 'CARGO_REGISTRY_', 'CARGO_SOURCE_', 'CARGO_RESOLVER_', 'CARGO_UNSTABLE_',
  'GIT_CONFIG_KEY_', 'GIT_CONFIG_VALUE_'
]

const EXACT = new Set(NAMES)
const EXACT_UPPER = new Set(NAMES.map(n => n.toUpperCase()))

/**
 * Whether a variable reaches child processes. Windows variable names are case-insensitive (`Path`,
 * `SystemRoot`, `ComSpec`), so there they are compared in upper case.
 */
export function passesToChildren(name: string, platform: NodeJS.Platform): boolean {
  const key = platform === 'win32' ? name.toUpperCase() : name
  if ((platform === 'win32' ? EXACT_UPPER : EXACT).has(key)) return true
  return PREFIXES.some(p => key.startsWith(p))
}

/** The environment for cargo, rustc and rustup: the allowed variables of `env`, unset ones dropped. */
export function childEnvironment(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) if (value !== undefined && passesToChildren(name, platform)) out[name] = value
  return out
}

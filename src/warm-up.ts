import type { CargoConfig } from './config/cargo-config.js'
import { profileNameFor, resolveProfile } from './config/profiles.js'
import { analyze } from './engine.js'
import { createLocator } from './manifest/locator.js'
import { parseMetadata } from './metadata/parse.js'
import type { BuildContext } from './model/build-context.js'
import { type Command, defaultInvocation } from './model/invocation.js'
import type { RustcVersion, TargetInfo } from './model/target-info.js'
import { applyGate } from './policy/gate.js'
import { selectAnnotations } from './report/annotations.js'
import { reportJson } from './report/json.js'
import { renderText } from './report/render.js'
import type { Report } from './report/report.js'
import { renderSummary } from './report/summary.js'
import { parseTomlDocument } from './toml/document.js'

/** What the warm-up shares with the run: the probes' answers, the command, cargo's configuration. */
export interface WarmUpInputs {
  rustc: RustcVersion
  target: TargetInfo
  host: TargetInfo
  command: Command
  config: CargoConfig
  env: Readonly<Record<string, string | undefined>>
}

/**
 * A run spends much of its first analysis compiling it: V8 compiles a function the first time it is called, and
 * the action on a GitHub-hosted runner, which keeps no code cache, compiles the analysis, its rules and its
 * renderers on every run. While `cargo metadata` works, the process waits. This spends that time on an analysis
 * of a workspace of its own, the plugin engine of `examples/`, whose host cannot link, rendered as every run
 * renders: the functions the real analysis calls are then compiled when its metadata arrives.
 *
 * It goes step by step and yields to the event loop between steps, so that cargo's output is read as it comes,
 * and it stops before the next step once `stop()` says so (cargo has answered): the real analysis then waits for
 * one step at most. It reads no file and starts nothing: the workspace and its manifests are data here, and what
 * it shares with the run is only read. Resolves to the warm-up workspace's report, or null where it stopped; a
 * caller that only warms up drops it, and what a failure rejects with.
 */
export async function warmUpAnalysis(inputs: WarmUpInputs, stop: () => boolean = () => false): Promise<Report | null> {
  const workspace = warmUpWorkspace()
  const metadata = parseMetadata(workspace.metadata, 'the warm-up workspace')
  // Copies: the analysis keys what it derives from a target's facts by the object.
  const target = { ...inputs.target }
  const host = inputs.host === inputs.target ? target : { ...inputs.host }
  const profile = resolveProfile(profileNameFor(inputs.command, false, null).main, { manifest: null, manifestFile: 'Cargo.toml', config: inputs.config, env: inputs.env })
  const context: BuildContext = { rustc: inputs.rustc, host, target, profile, testProfile: profile }
  const manifest = (file: string) => {
    const text = workspace.manifests.get(file)
    return text === undefined ? null : parseTomlDocument(text, file)
  }
  if (await stopped(stop)) return null
  const analysis = analyze({
    metadata,
    context,
    invocation: defaultInvocation({ command: inputs.command, workspace: true }),
    currentManifest: `${ROOT}/Cargo.toml`,
    locator: createLocator(metadata, context, manifest),
    commandLine: ['cargo', inputs.command, '--workspace'],
    resolver: 2,
    readText: file => workspace.manifests.get(file) ?? null
  })
  if (await stopped(stop)) return null
  // What every run renders: the JSON report, the text, and the action's summary and annotations.
  const report = applyGate(analysis, { failOn: 'error', policy: null, baseline: null, today: '2000-01-01' })
  for (const chunk of reportJson(report)) void chunk
  if (await stopped(stop)) return null
  renderText(report, { color: false })
  renderSummary(report)
  selectAnnotations(report, { workspacePrefix: '' })
  return report
}

/** Yields to the event loop (I/O included), then says whether to stop. */
async function stopped(stop: () => boolean): Promise<boolean> {
  await new Promise(resolve => setImmediate(resolve))
  return stop()
}

const ROOT = '/rust-linkage-guard/warm-up'

/** The packages of the warm-up workspace: a library, two dylibs that each contain it, and a host of both. */
const PACKAGES: { name: string; crateType: 'lib' | 'dylib' | 'bin'; dependencies: string[]; features?: Record<string, string[]> }[] = [
  { name: 'host', crateType: 'bin', dependencies: ['engine_api', 'plugin_audio?', 'plugin_render?'], features: { default: ['audio', 'render'], audio: ['dep:plugin_audio'], render: ['dep:plugin_render'] } },
  { name: 'engine_api', crateType: 'lib', dependencies: [] },
  { name: 'plugin_audio', crateType: 'dylib', dependencies: ['engine_api'] },
  { name: 'plugin_render', crateType: 'dylib', dependencies: ['engine_api'] }
]

/**
 * The workspace as `cargo metadata` prints it (cargo 1.95), and its manifests by path: those of `examples/plugin-engine`,
 * byte for byte (`__tests__/warm-up.test.ts` compares both).
 */
export function warmUpWorkspace(): { metadata: string; manifests: Map<string, string> } {
  const id = (name: string) => `path+file://${ROOT}/${name}#0.1.0`
  const manifests = new Map([[`${ROOT}/Cargo.toml`, `[workspace]\nresolver = "2"\nmembers = [${PACKAGES.map(p => `"${p.name}"`).join(', ')}]\n`]])
  const packages = PACKAGES.map(p => {
    const dependencies = p.dependencies.map(d => ({ name: d.replace('?', ''), optional: d.endsWith('?') }))
    const features = p.features ?? {}
    manifests.set(
      `${ROOT}/${p.name}/Cargo.toml`,
      [
        `[package]\nname = "${p.name}"\nversion = "0.1.0"\nedition = "2021"\n`,
        p.crateType === 'dylib' ? '[lib]\ncrate-type = ["dylib"]\n' : '',
        p.features ? `[features]\n${Object.entries(features).map(([k, v]) => `${k} = [${v.map(f => `"${f}"`).join(', ')}]\n`).join('')}` : '',
        dependencies.length === 0 ? '' : `[dependencies]\n${dependencies.map(d => `${d.name} = { path = "../${d.name}"${d.optional ? ', optional = true' : ''} }\n`).join('')}`
      ]
        .filter(section => section !== '')
        .join('\n')
    )
    return {
      package: {
        name: p.name,
        version: '0.1.0',
        id: id(p.name),
        license: null,
        license_file: null,
        description: null,
        source: null,
        dependencies: dependencies.map(d => ({
          name: d.name,
          source: null,
          req: '*',
          kind: null,
          rename: null,
          optional: d.optional,
          uses_default_features: true,
          features: [],
          target: null,
          registry: null,
          path: `${ROOT}/${d.name}`
        })),
        targets: [
          {
            kind: [p.crateType],
            crate_types: [p.crateType],
            name: p.name,
            src_path: `${ROOT}/${p.name}/src/${p.crateType === 'bin' ? 'main' : 'lib'}.rs`,
            edition: '2021',
            doc: true,
            doctest: p.crateType === 'lib',
            test: true
          }
        ],
        features,
        manifest_path: `${ROOT}/${p.name}/Cargo.toml`,
        metadata: null,
        publish: null,
        authors: [],
        categories: [],
        keywords: [],
        readme: null,
        repository: null,
        homepage: null,
        documentation: null,
        edition: '2021',
        links: null,
        default_run: null,
        rust_version: null
      },
      node: {
        id: id(p.name),
        dependencies: dependencies.map(d => id(d.name)),
        deps: dependencies.map(d => ({ name: d.name, pkg: id(d.name), dep_kinds: [{ kind: null, target: null }] })),
        features: Object.keys(features).sort()
      }
    }
  })
  const members = PACKAGES.map(p => id(p.name))
  const metadata = {
    packages: packages.map(p => p.package),
    workspace_members: members,
    workspace_default_members: members,
    resolve: { nodes: packages.map(p => p.node), root: null },
    target_directory: `${ROOT}/target`,
    build_directory: `${ROOT}/target`,
    version: 1,
    workspace_root: ROOT,
    metadata: null
  }
  return { metadata: JSON.stringify(metadata), manifests }
}

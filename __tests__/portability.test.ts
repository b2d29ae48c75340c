import { describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import { mergeCargoConfig } from '../src/config/cargo-config.js'
import { profileNameFor, resolveProfile } from '../src/config/profiles.js'
import { analyze } from '../src/engine.js'
import { createLocator } from '../src/manifest/locator.js'
import { validateMetadata } from '../src/metadata/parse.js'
import type { BuildContext } from '../src/model/build-context.js'
import { noFacts } from '../src/model/facts.js'
import { defaultInvocation, type Invocation } from '../src/model/invocation.js'
import type { Metadata } from '../src/model/metadata.js'
import { forwardSlashes, isAbsolutePath, isWindowsPath, joinPath, pathModuleFor, relativeOrAbsolute, relativePosix, resolveFrom, stripVerbatim } from '../src/model/paths.js'
import type { Unit } from '../src/model/unit-graph.js'
import { repositoryPath, selectAnnotations } from '../src/report/annotations.js'
import type { Report } from '../src/report/report.js'
import { artifactLocation, fileUri, renderSarif } from '../src/report/sarif.js'
import { parseProbe, parseRustcVersion, toTargetInfo } from '../src/rustc/probe.js'
import { parseTomlDocument } from '../src/toml/document.js'
import { parseToolchainFile } from '../src/toolchain/pin.js'
import { placeRecording } from './support/recordings.js'
import { gated, makeFinding, makeReport } from './support/reports.js'

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'portability')
const MANIFESTS = ['rust/Cargo.toml', 'rust/app/Cargo.toml', 'rust/dy/Cargo.toml']

interface Platform {
  triple: string
  /** The repository checkout on the runner, as cargo prints paths there; the recording is placed here. */
  repository: string
  /** What `app` needs at run time after `cargo build -p app`: the dylib `dy`, then `std`. */
  dy: string
  std: string
  /** What `app` misses started from `target/<profile>/`, copied alone, and under `cargo run` (dy, std, unwinder). */
  startup: { inPlace: string[]; copiedAlone: string[]; underCargo: string[] }
}

const WINDOWS_REPOSITORY = 'C:\\Users\\runner\\_work\\repo\\repo'
const PLATFORMS: Platform[] = [
  // cargo puts `dy.dll` next to the exe; the toolchain's DLLs are not there.
  {
    triple: 'x86_64-pc-windows-msvc',
    repository: WINDOWS_REPOSITORY,
    dy: 'dy.dll',
    std: 'std-77a8856e5f4ffd12.dll',
    startup: { inPlace: ['std-77a8856e5f4ffd12.dll'], copiedAlone: ['dy.dll', 'std-77a8856e5f4ffd12.dll'], underCargo: [] }
  },
  // …and a windows-gnu exe that links anything dynamically imports MinGW's unwinder, which cargo's PATH lacks.
  {
    triple: 'x86_64-pc-windows-gnu',
    repository: WINDOWS_REPOSITORY,
    dy: 'dy.dll',
    std: 'std-f652078ccb4a05c6.dll',
    startup: {
      inPlace: ['libgcc_s_seh-1.dll', 'std-f652078ccb4a05c6.dll'],
      copiedAlone: ['dy.dll', 'libgcc_s_seh-1.dll', 'std-f652078ccb4a05c6.dll'],
      underCargo: ['libgcc_s_seh-1.dll']
    }
  },
  // dyld finds `libdy.dylib` through the absolute install name rustc gave it, `@rpath/libstd-….dylib` not at all.
  {
    triple: 'aarch64-apple-darwin',
    repository: '/Users/runner/_work/repo/repo',
    dy: 'libdy.dylib',
    std: 'libstd-b461f656c03d1a0a.dylib',
    startup: { inPlace: ['libstd-b461f656c03d1a0a.dylib'], copiedAlone: ['libstd-b461f656c03d1a0a.dylib'], underCargo: [] }
  },
  {
    triple: 'x86_64-unknown-linux-gnu',
    repository: '/home/runner/_work/repo/repo',
    dy: 'libdy.so',
    std: 'libstd-d1237ef7159db0a2.so',
    startup: { inPlace: ['libdy.so', 'libstd-d1237ef7159db0a2.so'], copiedAlone: ['libdy.so', 'libstd-d1237ef7159db0a2.so'], underCargo: [] }
  }
]

const read = (...parts: string[]): string => fs.readFileSync(path.join(FIXTURES, ...parts), 'utf8')

/** The one `cargo metadata` recording (`metadata.json`, path-neutral) placed at a checkout, as cargo prints it there. */
const metadataAt = (repository: string): string => placeRecording(read('metadata.json'), repository)

/** The recorded probes of a target as the build context `analyze` takes, the way `scripts/bench.ts` builds one. */
function contextOf(triple: string): BuildContext {
  const rustc = parseRustcVersion(read(triple, 'rustc-vV.txt'))
  const probe = parseProbe(read(triple, 'probe.stdout'), read(triple, 'probe.stderr'), triple)
  const libdir = read(triple, 'libdir.txt').split('\n').filter(l => l !== '')
  const info = toTargetInfo(triple, probe, libdir, [])
  const names = profileNameFor('build', false, null)
  const options = { manifest: null, manifestFile: 'Cargo.toml', config: mergeCargoConfig([]), env: {} }
  return { rustc, host: info, target: info, profile: resolveProfile(names.main, options), testProfile: resolveProfile(names.test, options) }
}

interface RunOptions {
  /** Edits the placed metadata text before it is parsed (e.g. to move the workspace to a UNC share). */
  metadataText?: (text: string) => string
  /** The repository as the locator sees it, when `metadataText` moved it. */
  repository?: string
  /** Manifest texts that replace the recorded ones, by repository-relative path. */
  manifests?: Record<string, string>
  crlf?: boolean
  /** The toolchain file's absolute path; by default at the repository root. */
  pinFile?: string
}

/**
 * `analyze` on a recording as a `--metadata-file` run would do it: the manifests are held in memory under
 * the paths cargo printed for them on that system, and nothing is read from this machine's disk.
 */
function run(platform: Platform, invocation: Partial<Invocation>, options: RunOptions = {}): { report: Report; metadata: Metadata; lookups: string[] } {
  const text = metadataAt(platform.repository)
  const metadata = validateMetadata(JSON.parse(options.metadataText ? options.metadataText(text) : text), 'metadata.json')
  const repository = options.repository ?? platform.repository
  const context = contextOf(platform.triple)
  const manifests = new Map<string, string>()
  for (const rel of MANIFESTS) {
    const own = options.manifests?.[rel] ?? read('workspace', rel)
    manifests.set(joinPath(repository, ...rel.split('/')), options.crlf ? own.replace(/\n/g, '\r\n') : own)
  }
  const lookups: string[] = []
  const readToml = (file: string) => {
    lookups.push(file)
    const found = manifests.get(file)
    return found === undefined ? null : parseTomlDocument(found, file)
  }
  const pinFile = options.pinFile ?? joinPath(repository, 'rust-toolchain.toml')
  const facts = { ...noFacts(), pin: parseToolchainFile(read('workspace', 'rust-toolchain.toml'), pinFile) }
  const report = gated(
    analyze({
      metadata,
      context,
      invocation: defaultInvocation({ command: 'build', ...invocation }),
      currentManifest: joinPath(metadata.workspaceRoot, 'Cargo.toml'),
      locator: createLocator(metadata, context, readToml),
      commandLine: ['cargo', 'build'],
      facts,
      // The recorded workspace's `[workspace] resolver = "2"`.
      resolver: 2
    })
  )
  return { report, metadata, lookups }
}

const only = (report: Report, rule: string) => {
  const found = report.findings.filter(f => f.rule === rule)
  expect(found).toHaveLength(1)
  return found[0]!
}

describe('the recordings', () => {
  it.each([
    ['x86_64-pc-windows-msvc', { bin: '___.exe', rlib: 'lib___.rlib', dylib: '___.dll', cdylib: '___.dll', staticlib: '___.lib', 'proc-macro': '___.dll' }],
    ['x86_64-pc-windows-gnu', { bin: '___.exe', rlib: 'lib___.rlib', dylib: '___.dll', cdylib: '___.dll', staticlib: 'lib___.a', 'proc-macro': '___.dll' }],
    ['aarch64-apple-darwin', { bin: '___', rlib: 'lib___.rlib', dylib: 'lib___.dylib', cdylib: 'lib___.dylib', staticlib: 'lib___.a', 'proc-macro': 'lib___.dylib' }]
  ])('%s: the probe gives the file names, sysroot and target libdir rustc printed', (triple, fileNames) => {
    const info = contextOf(triple).target
    expect(info.fileNames).toEqual(fileNames)
    expect(info.targetLibdir).toBe(joinPath(info.sysroot, 'lib', 'rustlib', triple, 'lib'))
    expect(info.cfg.values.get('target_os')).toEqual(new Set([triple.includes('windows') ? 'windows' : 'macos']))
    expect(info.stdInstalled).toBe(true)
  })

  it.each(PLATFORMS.map(p => [p.triple, p.std]))('%s: std’s shared library is %s, not its import library or another crate', (triple, std) => {
    expect(contextOf(triple).target.stdDylib).toBe(std)
  })

  it('the Windows metadata keeps cargo’s native paths and file-URL package ids', () => {
    const metadata = validateMetadata(JSON.parse(metadataAt(WINDOWS_REPOSITORY)), 'metadata.json')
    expect(metadata.workspaceRoot).toBe('C:\\Users\\runner\\_work\\repo\\repo\\rust')
    expect(metadata.workspaceMembers).toEqual([
      'path+file:///C:/Users/runner/_work/repo/repo/rust/app#0.1.0',
      'path+file:///C:/Users/runner/_work/repo/repo/rust/dy#0.1.0'
    ])
    const dy = metadata.packages.get('path+file:///C:/Users/runner/_work/repo/repo/rust/dy#0.1.0')!
    expect(dy.manifestPath).toBe('C:\\Users\\runner\\_work\\repo\\repo\\rust\\dy\\Cargo.toml')
    expect(dy.targets[0]!.srcPath).toBe('C:\\Users\\runner\\_work\\repo\\repo\\rust\\dy\\src\\lib.rs')
  })
})

describe.each(PLATFORMS)('$triple', platform => {
  const selected = run(platform, { packages: ['app'] })
  const workspace = run(platform, { workspace: true })

  it(`cargo build -p app: app misses ${platform.startup.copiedAlone.join(', ')} copied alone, found on its dependency line`, () => {
    const f = only(selected.report, 'runtime-dylib')
    expect(f.startup).toEqual(platform.startup)
    expect(f.crates).toEqual(platform.startup.copiedAlone)
    expect(f.message).toContain(`needs ${platform.startup.copiedAlone.map(l => `\`${l}\``).join(', ')} at run time`)
    if (platform.triple.includes('apple')) expect(f.message).toContain('`libdy.dylib` is found through the absolute path rustc gave it: only on this machine')
    expect(f).toMatchObject({ package: 'app', file: 'app/Cargo.toml', line: 7 })
    const artifact = selected.report.artifacts.find(a => a.package === 'app')!
    expect(artifact.runtimeLibraries).toEqual([platform.dy, platform.std].sort())
  })

  it('a dylib from a registry is named with `<hash>`, which the message says is cargo’s metadata hash', () => {
    const fromRegistry = (text: string): string => {
      const doc = JSON.parse(text) as { packages: { name: string; source: string | null }[] }
      for (const p of doc.packages) if (p.name === 'dy') p.source = 'registry+https://github.com/rust-lang/crates.io-index'
      return JSON.stringify(doc)
    }
    const f = only(run(platform, { packages: ['app'] }, { metadataText: fromRegistry }).report, 'runtime-dylib')
    const hashed = platform.dy.replace(/^(lib)?dy\./, (_, lib: string | undefined) => `${lib ?? ''}dy-<hash>.`)
    // cargo's copy beside the exe drops the hash the exe asks for; on macOS the install name is absolute.
    const rename = (files: string[]) => (platform.triple.includes('apple') ? files : files.map(l => (l === platform.dy ? hashed : l)))
    expect(f.startup?.copiedAlone).toEqual(rename(platform.startup.copiedAlone))
    if (platform.triple.includes('windows')) expect(f.startup?.inPlace).toEqual([hashed, ...platform.startup.inPlace].sort())
    if (platform.triple.includes('apple')) expect(f.message).not.toContain('metadata hash')
    else expect(f.message).toContain("`<hash>` stands for cargo's metadata hash of the package")
    expect(only(selected.report, 'runtime-dylib').message).not.toContain('metadata hash')
  })

  it('cargo build --workspace: duplicate std, on the crate-type line of dy/Cargo.toml', () => {
    const f = only(workspace.report, 'duplicate-linkage')
    expect(f).toMatchObject({ package: 'app', file: 'dy/Cargo.toml', line: 7 })
    expect(f.message).toContain(`dynamically as \`${platform.std}\` and statically inside dylib \`dy\``)
  })

  it('every finding file is workspace-relative with forward slashes; the pin file above the workspace is ../', () => {
    const located = (report: Report) => report.findings.map(f => `${f.rule} ${f.file}:${f.line}`).sort()
    expect(located(selected.report)).toEqual(['published-dylib dy/Cargo.toml:7', 'runtime-dylib app/Cargo.toml:7', 'toolchain-unpinned ../rust-toolchain.toml:2'])
    expect(located(workspace.report)).toEqual(['duplicate-linkage dy/Cargo.toml:7', 'published-dylib dy/Cargo.toml:7', 'toolchain-unpinned ../rust-toolchain.toml:2'])
    for (const { report } of [selected, workspace]) {
      expect(report.toolchain.pin).toMatchObject({ file: '../rust-toolchain.toml', line: 2, channel: 'stable' })
      expect(only(report, 'toolchain-unpinned')).toMatchObject({ file: '../rust-toolchain.toml', line: 2 })
    }
  })

  it('reads the manifests under the paths cargo printed for them', () => {
    expect(new Set(selected.lookups)).toEqual(new Set([joinPath(platform.repository, 'rust', 'app', 'Cargo.toml'), joinPath(platform.repository, 'rust', 'dy', 'Cargo.toml')]))
  })

  it('annotations are repository-relative under the workspace prefix `rust`', () => {
    const files = (report: Report) => selectAnnotations(report, { workspacePrefix: 'rust' }).annotations.map(a => `${a.file}:${a.line}`)
    expect(files(selected.report)).toEqual(expect.arrayContaining(['rust/app/Cargo.toml:7', 'rust-toolchain.toml:2']))
    expect(files(workspace.report)).toEqual(expect.arrayContaining(['rust/dy/Cargo.toml:7', 'rust-toolchain.toml:2']))
  })

  it('SARIF uris are repository-relative under %SRCROOT%, the repository root a file: uri', () => {
    const log = renderSarif(workspace.report, { toolVersion: '0.1.0', workspacePrefix: 'rust' })
    const uris = log.runs[0].results.map(r => r.locations[0]!.physicalLocation.artifactLocation)
    expect(uris).toEqual(
      expect.arrayContaining([
        { uri: 'rust/dy/Cargo.toml', uriBaseId: '%SRCROOT%' },
        { uri: 'rust-toolchain.toml', uriBaseId: '%SRCROOT%' }
      ])
    )
    for (const u of uris) expect(u.uriBaseId).toBe('%SRCROOT%')
    const root = platform.repository.startsWith('C:') ? 'file:///C:/Users/runner/_work/repo/repo/' : `file://${platform.repository}/`
    expect(log.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: root } })
  })
})

describe('Windows layouts beyond the recording', () => {
  const msvc = PLATFORMS[0]!

  it('manifests checked out with CRLF line endings give the same lines', () => {
    const { report } = run(msvc, { workspace: true }, { crlf: true })
    expect(only(report, 'duplicate-linkage')).toMatchObject({ file: 'dy/Cargo.toml', line: 7 })
  })

  it('a workspace on a UNC share gives the same relative files and a file://server/ repository root', () => {
    const share = '\\\\server\\share\\repo'
    const { report } = run(
      msvc,
      { workspace: true },
      {
        metadataText: t => t.split('C:\\\\Users\\\\runner\\\\_work\\\\repo\\\\repo').join('\\\\\\\\server\\\\share\\\\repo').split('file:///C:/Users/runner/_work/repo/repo').join('file:////server/share/repo'),
        repository: share
      }
    )
    expect(report.workspaceRoot).toBe('\\\\server\\share\\repo\\rust')
    expect(only(report, 'duplicate-linkage')).toMatchObject({ file: 'dy/Cargo.toml', line: 7 })
    expect(report.toolchain.pin?.file).toBe('../rust-toolchain.toml')
    const log = renderSarif(report, { toolVersion: '0.1.0', workspacePrefix: 'rust' })
    expect(log.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file://server/share/repo/' } })
  })

  it('a `workspace = true` dependency finds `[workspace.dependencies]` in the root manifest under its Windows path', () => {
    const manifests = {
      'rust/Cargo.toml': '[workspace]\nresolver = "2"\nmembers = ["app", "dy"]\n\n[workspace.dependencies]\ndy = { path = "dy" }\n',
      'rust/app/Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ndy = { workspace = true }\n'
    }
    const { report, lookups } = run(msvc, { packages: ['app'] }, { manifests })
    expect(lookups).toContain('C:\\Users\\runner\\_work\\repo\\repo\\rust\\Cargo.toml')
    expect(only(report, 'runtime-dylib')).toMatchObject({
      file: 'app/Cargo.toml',
      line: 7,
      related: [{ file: 'Cargo.toml', line: 6, message: '`dy` in `[workspace.dependencies]`' }]
    })
  })

  it('a toolchain file on another drive stays absolute: no annotation file, a file: uri without a base', () => {
    const { report } = run(msvc, { workspace: true }, { pinFile: 'D:\\toolchains\\rust-toolchain.toml' })
    expect(report.toolchain.pin?.file).toBe('D:/toolchains/rust-toolchain.toml')
    const f = only(report, 'toolchain-unpinned')
    expect(f.file).toBe('D:/toolchains/rust-toolchain.toml')
    const annotation = selectAnnotations({ ...report, findings: [f] }, { workspacePrefix: 'rust' }).annotations[0]!
    expect(annotation.file).toBeUndefined()
    expect(annotation.message).toContain('At D:/toolchains/rust-toolchain.toml:2.')
    const log = renderSarif({ ...report, findings: [f] }, { toolVersion: '0.1.0', workspacePrefix: 'rust' })
    expect(log.runs[0].results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'file:///D:/toolchains/rust-toolchain.toml' })
  })

  it('setting sources: a relative one is taken from the root, a local absolute one (this machine’s cargo config) is kept', () => {
    const metadata = validateMetadata(JSON.parse(metadataAt(WINDOWS_REPOSITORY)), 'metadata.json')
    const context = contextOf('x86_64-pc-windows-msvc')
    context.profile = { ...context.profile, sources: { panic: { file: 'Cargo.toml', line: 9 }, lto: { file: '/home/u/.cargo/config.toml', line: 3 } } }
    const locator = createLocator(metadata, context, () => null)
    const unit = { mode: 'build', targetInfo: { ...context.target, rustflagsSource: { file: 'C:\\Users\\runner\\.cargo\\config.toml', line: 2 } } } as unknown as Unit
    expect(locator.setting('panic', unit)).toEqual({ file: 'Cargo.toml', line: 9 })
    expect(locator.setting('lto', unit)).toEqual({ file: '/home/u/.cargo/config.toml', line: 3 })
    expect(locator.setting('rustflags', unit)).toEqual({ file: 'C:/Users/runner/.cargo/config.toml', line: 2 })
    expect(locator.file('C:\\Users\\runner\\_work\\repo\\repo\\rust/Cargo.toml', 1)).toEqual({ file: 'Cargo.toml', line: 1 })
    expect(locator.file('c:\\users\\runner\\_work\\repo\\repo\\rust\\app\\src\\main.rs', 3)).toEqual({ file: 'app/src/main.rs', line: 3 })
  })
})

describe('src/model/paths.ts', () => {
  it('tells Windows paths by a drive letter, a UNC or verbatim prefix, or backslashes outside a POSIX path', () => {
    for (const p of ['C:\\x', 'c:/x', 'C:', '\\\\server\\share\\x', '\\\\?\\C:\\x', 'dy\\Cargo.toml', '..\\x']) expect([p, isWindowsPath(p)]).toEqual([p, true])
    for (const p of ['/home/u/a\\b', 'dy/Cargo.toml', '', '/Users/runner', 'Cargo.toml']) expect([p, isWindowsPath(p)]).toEqual([p, false])
    expect(pathModuleFor('C:\\x')).toBe(path.win32)
    expect(pathModuleFor('/x')).toBe(path.posix)
  })

  it('knows absolute paths of both forms', () => {
    for (const p of ['/x', 'C:\\x', 'c:/x', '\\\\server\\share', '\\\\?\\C:\\x', '//server/share']) expect([p, isAbsolutePath(p)]).toEqual([p, true])
    for (const p of ['x', '../x', 'dy\\Cargo.toml', '..\\x', '', 'C:x']) expect([p, isAbsolutePath(p)]).toEqual([p, false])
  })

  it('drops verbatim prefixes and writes Windows paths with forward slashes', () => {
    expect(stripVerbatim('\\\\?\\C:\\ws\\rust')).toBe('C:\\ws\\rust')
    expect(stripVerbatim('\\\\?\\UNC\\server\\share\\ws')).toBe('\\\\server\\share\\ws')
    expect(stripVerbatim('C:\\ws')).toBe('C:\\ws')
    expect(forwardSlashes('C:\\ws\\rust/dy')).toBe('C:/ws/rust/dy')
    expect(forwardSlashes('\\\\?\\D:\\a\\crux')).toBe('D:/a/crux')
    expect(forwardSlashes('\\\\server\\share\\x')).toBe('//server/share/x')
    expect(forwardSlashes('/home/u/a\\b')).toBe('/home/u/a\\b')
  })

  it('joins and resolves in the base’s form; absolute paths of either form are kept', () => {
    expect(joinPath('C:\\ws\\rust', 'Cargo.toml')).toBe('C:\\ws\\rust\\Cargo.toml')
    expect(joinPath('/ws/rust', 'Cargo.toml')).toBe('/ws/rust/Cargo.toml')
    expect(resolveFrom('C:\\ws\\rust', '.cargo/config.toml')).toBe('C:\\ws\\rust\\.cargo\\config.toml')
    expect(resolveFrom('C:\\ws\\rust', '/home/u/.cargo/config.toml')).toBe('/home/u/.cargo/config.toml')
    expect(resolveFrom('/ws', 'D:\\config.toml')).toBe('D:\\config.toml')
  })

  describe('relativePosix', () => {
    const root = 'C:\\Users\\runner\\_work\\repo\\repo\\rust'
    it.each([
      ['a Windows file inside', root, `${root}\\dy\\Cargo.toml`, 'dy/Cargo.toml'],
      ['the root itself', root, root, ''],
      ['a trailing separator on the root', `${root}\\`, `${root}\\dy\\Cargo.toml`, 'dy/Cargo.toml'],
      ['an upper-case root, a lower-case file', 'C:\\ws', 'c:\\ws\\dy\\Cargo.toml', 'dy/Cargo.toml'],
      ['a lower-case root, an upper-case file', 'c:\\ws', 'C:\\WS\\dy\\Cargo.toml', 'dy/Cargo.toml'],
      ['forward slashes', 'C:/ws', 'C:/ws/dy/Cargo.toml', 'dy/Cargo.toml'],
      ['mixed separators', 'C:\\ws/rust', 'C:/ws\\rust/dy\\Cargo.toml', 'dy/Cargo.toml'],
      ['a UNC share', '\\\\server\\share\\ws', '\\\\server\\share\\ws\\dy\\Cargo.toml', 'dy/Cargo.toml'],
      ['a verbatim root, a plain file', '\\\\?\\C:\\ws', 'C:\\ws\\dy\\Cargo.toml', 'dy/Cargo.toml'],
      ['a verbatim UNC root', '\\\\?\\UNC\\server\\share\\ws', '\\\\server\\share\\ws\\Cargo.toml', 'Cargo.toml'],
      ['a directory named ..x', 'C:\\ws', 'C:\\ws\\..x\\Cargo.toml', '..x/Cargo.toml'],
      ['a POSIX file inside', '/Users/runner/_work/repo/repo/rust', '/Users/runner/_work/repo/repo/rust/dy/Cargo.toml', 'dy/Cargo.toml'],
      ['a POSIX name with a backslash', '/home/u/a\\b', '/home/u/a\\b/Cargo.toml', 'Cargo.toml'],
      ['a file above the root', root, 'C:\\Users\\runner\\_work\\repo\\repo\\rust-toolchain.toml', null],
      ['another drive', 'C:\\ws', 'D:\\ws\\Cargo.toml', null],
      ['another server', '\\\\server\\share\\ws', '\\\\other\\share\\ws\\Cargo.toml', null],
      ['another share', '\\\\server\\share\\ws', '\\\\server\\other\\ws\\Cargo.toml', null],
      ['a POSIX file, a Windows root', 'C:\\ws', '/home/u/.cargo/config.toml', null],
      ['a Windows file, a POSIX root', '/ws', 'C:\\ws\\Cargo.toml', null],
      ['a POSIX file above the root', '/ws/rust', '/ws/rust-toolchain.toml', null]
    ])('%s', (_name, from, to, expected) => {
      expect(relativePosix(from, to)).toBe(expected)
    })
  })

  it('relativeOrAbsolute goes above the root, and keeps a path with no relation absolute with forward slashes', () => {
    expect(relativeOrAbsolute('C:\\ws\\rust', 'C:\\ws\\rust-toolchain.toml')).toBe('../rust-toolchain.toml')
    expect(relativeOrAbsolute('C:\\ws\\rust', 'c:\\ws\\rust\\dy\\Cargo.toml')).toBe('dy/Cargo.toml')
    expect(relativeOrAbsolute('C:\\ws\\rust', 'C:\\ws\\rust/Cargo.toml')).toBe('Cargo.toml')
    expect(relativeOrAbsolute('C:\\ws\\rust', 'D:\\t\\rust-toolchain.toml')).toBe('D:/t/rust-toolchain.toml')
    expect(relativeOrAbsolute('\\\\server\\share\\ws', '\\\\other\\share\\x')).toBe('//other/share/x')
    expect(relativeOrAbsolute('C:\\ws', '/home/u/.cargo/config.toml')).toBe('/home/u/.cargo/config.toml')
    expect(relativeOrAbsolute('/ws/rust', '/ws/rust-toolchain.toml')).toBe('../rust-toolchain.toml')
  })
})

describe('report paths of either form', () => {
  it('repositoryPath: absolute files and an absolute workspace prefix lie outside the repository', () => {
    expect(repositoryPath('rust', '/home/u/.cargo/config.toml')).toBeNull()
    expect(repositoryPath('rust', 'C:/Users/runner/.cargo/config.toml')).toBeNull()
    expect(repositoryPath('rust', 'C:\\Users\\runner\\.cargo\\config.toml')).toBeNull()
    expect(repositoryPath('rust', '\\\\server\\share\\config.toml')).toBeNull()
    expect(repositoryPath('D:/ws', 'dy/Cargo.toml')).toBeNull()
    expect(repositoryPath('rust', '../rust-toolchain.toml')).toBe('rust-toolchain.toml')
    expect(repositoryPath('rust', 'dy/Cargo.toml')).toBe('rust/dy/Cargo.toml')
  })

  it('an absolute cargo config outside a workspace in a subdirectory is not annotated as a repository file', () => {
    const report = makeReport({ findings: [makeFinding({ file: '/home/u/.cargo/config.toml', line: 2 })] })
    const [a] = selectAnnotations(report, { workspacePrefix: 'rust' }).annotations
    expect(a!.file).toBeUndefined()
    expect(a!.message).toContain('At /home/u/.cargo/config.toml:2.')
  })

  it('SARIF: absolute files of either form are file: uris; so is everything under an absolute prefix', () => {
    expect(artifactLocation('rust', 'C:\\Users\\runner\\.cargo\\config.toml')).toEqual({ uri: 'file:///C:/Users/runner/.cargo/config.toml' })
    expect(artifactLocation('rust', 'c:/Users/runner/.cargo/config.toml')).toEqual({ uri: 'file:///c:/Users/runner/.cargo/config.toml' })
    expect(artifactLocation('rust', '\\\\server\\share\\ws\\Cargo.toml')).toEqual({ uri: 'file://server/share/ws/Cargo.toml' })
    expect(artifactLocation('rust', '/home/u/.cargo/config.toml')).toEqual({ uri: 'file:///home/u/.cargo/config.toml' })
    expect(artifactLocation('D:/ws', 'dy/Cargo.toml')).toEqual({ uri: 'file:///D:/ws/dy/Cargo.toml' })
    expect(artifactLocation('\\\\server\\share\\ws', 'dy/Cargo.toml')).toEqual({ uri: 'file://server/share/ws/dy/Cargo.toml' })
    expect(artifactLocation('rust', 'dy/Cargo.toml')).toEqual({ uri: 'rust/dy/Cargo.toml', uriBaseId: '%SRCROOT%' })
  })

  it('SARIF file: uris', () => {
    expect(fileUri('C:\\Program Files\\x')).toBe('file:///C:/Program%20Files/x')
    expect(fileUri('\\\\?\\C:\\ws')).toBe('file:///C:/ws')
    expect(fileUri('\\\\?\\UNC\\server\\share\\ws', true)).toBe('file://server/share/ws/')
    expect(fileUri('/Users/runner/_work', true)).toBe('file:///Users/runner/_work/')
  })

  it('SARIF with the workspace on another drive than the repository: no %SRCROOT%, absolute file: uris', () => {
    const report = makeReport({ workspaceRoot: 'D:\\ws', findings: [makeFinding({ file: 'dy/Cargo.toml', line: 7 })] })
    const log = renderSarif(report, { toolVersion: '0.1.0', workspacePrefix: 'D:/ws' })
    expect(log.runs[0].originalUriBaseIds).toBeUndefined()
    expect(log.runs[0].results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'file:///D:/ws/dy/Cargo.toml' })
  })
})

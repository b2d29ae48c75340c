/**
 * What the rules need from a package's Rust sources, read only inside the repository and within limits: the
 * global allocators it declares, whether it loads libraries at run time, whether it names a crate, and the
 * unmangled symbols a library exports.
 */
import fs from 'node:fs'
import path from 'node:path'
import { isInsideRepository, readInputFile, type RepositoryScope, scopeFor } from '../input-file.js'
import { MAX_SOURCE_BYTES, MAX_SOURCE_FILES, MAX_SOURCE_WALK_ENTRIES } from '../limits.js'
import type { AllocatorDeclaration, ExportedSymbol, SignatureType, TypeDeclaration } from '../model/facts.js'
import type { Metadata, Package, Target } from '../model/metadata.js'
import { ANY_DOC_TESTS, type DocTests, type LibraryDocTests, type SourceUsesCrate } from '../model/unit-graph.js'
import { macroPathArguments, scanSourceNames } from '../rust-source/crate-names.js'
import { type DocExampleScan, docTests, type IncludedText, scanDocExamples } from '../rust-source/doc-examples.js'
import { type Presence, scanExports } from '../rust-source/exports.js'
import { scanGlobalAllocators } from '../rust-source/global-allocators.js'

/** Calls that load a shared library at run time, on Unix and Windows. */
const LOADS_LIBRARIES = /\b(?:dlopen|dlmopen|LoadLibrary(?:Ex)?[AW]?)\s*\(/

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '')
}

export function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/** A file this process may execute. */
export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/** What the rules ask of a package's own Rust sources, found in one pass over them. */
interface PackageSourceFacts {
  allocators: AllocatorDeclaration[]
  loadsLibraries: boolean
}

/**
 * The facts of the Rust sources under each target's directory, read once per package and one file at a time:
 * at most `MAX_SOURCE_FILES` files, each within its limit, and `MAX_SOURCE_BYTES` in all (a file linked twice is
 * read once), found within `MAX_SOURCE_WALK_ENTRIES` directory entries. A package of the repository may name
 * no source or directory outside it: such a file or directory is skipped.
 */
function packageSourceFacts(pkg: Package, scope: RepositoryScope | null): PackageSourceFacts {
  let found = factsOf.get(pkg)
  if (found !== undefined) return found
  const within = scopeFor(scope, pkg.manifestPath)
  const files = new Set<string>()
  let listed = 0
  const walk = (dir: string): void => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      if (files.size >= MAX_SOURCE_FILES || ++listed > MAX_SOURCE_WALK_ENTRIES) return
      const full = path.join(dir, e.name)
      if (e.isDirectory() && e.name !== 'target' && !e.name.startsWith('.')) walk(full)
      // A symlinked source is compiled by cargo, so it is read too (within `scope`); a symlinked directory is not walked.
      else if (e.name.endsWith('.rs') && (e.isFile() || (e.isSymbolicLink() && isFile(full)))) files.add(full)
    }
  }
  for (const dir of new Set(pkg.targets.map(t => path.dirname(t.srcPath)))) {
    if (within === null || isInsideRepository(within, dir)) walk(dir)
  }
  found = { allocators: [], loadsLibraries: false }
  const read = new Set<string>()
  let bytes = 0
  for (const file of [...files].sort()) {
    let text: string
    try {
      const real = fs.realpathSync(file)
      if (read.has(real)) continue
      read.add(real)
      text = readInputFile(file, 'rust-source', { within })
    } catch {
      // An unreadable, oversized or escaping file is skipped: these scans only add findings, never remove them.
      continue
    }
    bytes += text.length
    if (bytes > MAX_SOURCE_BYTES) break
    if (text.includes('global_allocator')) found.allocators.push(...scanGlobalAllocators(text).map(a => ({ file, line: a.line, item: a.item })))
    if (!found.loadsLibraries && LOADS_LIBRARIES.test(stripComments(text))) found.loadsLibraries = true
  }
  factsOf.set(pkg, found)
  return found
}

const factsOf = new WeakMap<Package, PackageSourceFacts>()

/** The `#[global_allocator]`s in a package's Rust sources. */
export function scanAllocators(pkg: Package, scope: RepositoryScope | null): AllocatorDeclaration[] {
  return packageSourceFacts(pkg, scope).allocators
}

/** Whether a package's Rust sources call the system loader (`dlopen`, `LoadLibrary`), outside comments. */
export function callsSystemLoader(pkg: Package, scope: RepositoryScope | null): boolean {
  return packageSourceFacts(pkg, scope).loadsLibraries
}

/**
 * Whether a target names a crate anywhere in its module tree (see `rust-source/crate-names.ts`): its root file
 * and every `mod name;` file it pulls in, read once per target. Undecided counts as named — a missed error is
 * worse than a false one: a file that cannot be read (recorded metadata from another machine, a `cfg`-gated
 * module that is not there), `include!`, more than `MAX_SOURCE_FILES` files, or a file of a repository package
 * that leads outside the repository. A name that is no identifier (`cargo metadata` allows more than rustc)
 * cannot be written in a source, so no file names it.
 */
export function sourceReader(metadata: Metadata, scope: RepositoryScope | null): SourceUsesCrate {
  const within = targetScope(metadata, scope)
  const namesOf = new Map<string, TreeNames | null>()
  return (srcPath, crate, test) => {
    let names = namesOf.get(srcPath)
    if (names === undefined) namesOf.set(srcPath, (names = moduleTreeNames(srcPath, within(srcPath))))
    return names === null || names.names.has(crate) || (test && names.testNames.has(crate))
  }
}

/**
 * The unmangled symbols (`#[no_mangle]`, `#[export_name]`) a target defines over its module tree (see
 * `rust-source/exports.ts`), root file first, read once per target, each with its signature. A module whose
 * file cannot be found or read (a `cfg`-gated module that is not there) is skipped, and so is code behind
 * `include!`: a missed export only loses a warning, and `sourcesComplete` says when a file was skipped. A
 * module inside `#[cfg(test)]` contributes only to the test harness, one inside `#[cfg(not(test))]` only to the
 * library. The types a signature names are looked up by name among the module-level declarations of the
 * target's own module tree and of the libraries of the local packages its package depends on directly — where
 * a plugin interface lives in practice; a type re-exported from further away is not found.
 */
export function exportReader(metadata: Metadata, scope: RepositoryScope | null): (target: Target) => ExportedSymbol[] {
  const within = targetScope(metadata, scope)
  const trees = new Map<string, ModuleTreeScan>()
  const treeOf = (srcPath: string): ModuleTreeScan => {
    let found = trees.get(srcPath)
    if (found === undefined) trees.set(srcPath, (found = moduleTreeScan(srcPath, within(srcPath))))
    return found
  }
  const exportsOf = new Map<string, ExportedSymbol[]>()
  let packageOf: Map<string, Package> | null = null
  return target => {
    let found = exportsOf.get(target.srcPath)
    if (found !== undefined) return found
    const tree = treeOf(target.srcPath)
    found = tree.exports.map(e => ({ ...e, sourcesComplete: tree.complete }))
    if (found.some(e => e.signature != null && namedTypes(e.signature).length > 0)) {
      packageOf ??= new Map([...metadata.packages.values()].flatMap(p => p.targets.map(t => [t.srcPath, p] as const)))
      const libraries = interfaceLibraries(packageOf.get(target.srcPath), metadata)
      const declarations = [tree, ...libraries.map(lib => treeOf(lib.srcPath))].flatMap(t => t.declarations)
      found = found.map(e => (e.signature == null ? e : { ...e, types: declarationsFor(namedTypes(e.signature), declarations) }))
    }
    exportsOf.set(target.srcPath, found)
    return found
  }
}

/** The library targets of the local packages `pkg` depends on directly (normal dependencies). */
function interfaceLibraries(pkg: Package | undefined, metadata: Metadata): Target[] {
  if (pkg === undefined) return []
  return pkg.deps
    .filter(d => d.kinds.some(k => k.kind === 'normal'))
    .flatMap(d => metadata.packages.get(d.pkg) ?? [])
    .filter(p => p.source === null)
    .flatMap(p => p.targets.filter(t => t.kind === 'lib'))
}

/** The declarations of `names`, and of the types the aliases among them name, transitively. */
function declarationsFor(names: string[], declarations: readonly TypeDeclaration[]): TypeDeclaration[] {
  const wanted = new Set(names)
  const out: TypeDeclaration[] = []
  for (let i = 0; i < declarations.length; i++) {
    const d = declarations[i]!
    if (!wanted.has(d.name) || out.includes(d)) continue
    out.push(d)
    const more = d.aliasOf === null ? [] : typeNames(d.aliasOf).filter(n => !wanted.has(n))
    if (more.length === 0) continue
    for (const n of more) wanted.add(n)
    // A newly wanted name may be declared earlier in the list: start over.
    i = -1
  }
  return out
}

/** The last segment of every path type in a signature, generic arguments included. */
function namedTypes(signature: NonNullable<ExportedSymbol['signature']>): string[] {
  const types = signature.item === 'static' ? [signature.type] : [...signature.params, ...(signature.returns === null ? [] : [signature.returns])]
  return [...new Set(types.flatMap(typeNames))]
}

function typeNames(type: SignatureType): string[] {
  switch (type.kind) {
    case 'path':
      return [type.segments[type.segments.length - 1]!, ...type.args.flatMap(typeNames)]
    case 'pointer':
    case 'reference':
      return typeNames(type.to)
    case 'fn':
      return [...type.params, ...(type.returns === null ? [] : [type.returns])].flatMap(typeNames)
    case 'tuple':
      return type.items.flatMap(typeNames)
    case 'array':
    case 'slice':
      return typeNames(type.of)
    default:
      return []
  }
}

/**
 * What `rustdoc --test` builds from a library's doc examples over its module tree (see
 * `rust-source/doc-examples.ts`), read once per library. Undecided counts as examples that run and may load
 * any crate — a file that cannot be read, `include!`, more than `MAX_SOURCE_FILES` files — as for crate names.
 */
export function docTestsReader(metadata: Metadata, scope: RepositoryScope | null): LibraryDocTests {
  const within = targetScope(metadata, scope)
  const testsOf = new Map<string, DocTests>()
  return (pkg, lib) => {
    let found = testsOf.get(lib.srcPath)
    if (found === undefined) testsOf.set(lib.srcPath, (found = moduleTreeDocTests(pkg, lib, within(lib.srcPath))))
    return found
  }
}

function moduleTreeDocTests(pkg: Package, lib: Target, within: RepositoryScope | null): DocTests {
  const scans: DocExampleScan[] = []
  // Files docs include count against the same budget as the tree's sources.
  const budget = { bytes: MAX_SOURCE_BYTES }
  const complete = readModuleTree(lib.srcPath, null, within, 'stop', (text, file) => {
    const scan = scanDocExamples(text, includedText(file, within, budget))
    scans.push(scan)
    if (scan.unreadable) return []
    const scanned = scanSourceNames(text)
    // rustdoc compiles doc tests without `cfg(test)`: such modules have no docs it collects.
    return scanned.includes ? null : scanned.modules.filter(m => !m.testOnly).map(m => ({ ...m, context: null }))
  })
  if (!complete) return ANY_DOC_TESTS
  return docTests(scans, { name: lib.name.replace(/-/g, '_'), edition: pkg.edition })
}

/**
 * The reader of the files `include_str!("…")` names in a source file's doc attributes (relative to the file, as
 * rustc resolves them), within the same scope and limits as the sources, all of them within `budget`; null for
 * one that cannot be read.
 */
function includedText(file: string, within: RepositoryScope | null, budget: { bytes: number }): IncludedText {
  return included => {
    let text: string
    try {
      text = readInputFile(path.resolve(path.dirname(file), included), 'rust-source', { within })
    } catch {
      return null
    }
    budget.bytes -= text.length
    return budget.bytes < 0 ? null : text
  }
}

/**
 * Where a target's files may be read from: a target of a repository package only inside the repository (its
 * module files may not lead out of it), any other target — a dependency outside the checkout — anywhere.
 */
function targetScope(metadata: Metadata, scope: RepositoryScope | null): (srcPath: string) => RepositoryScope | null {
  const ofRepository = new Set<string>()
  if (scope !== null) {
    for (const pkg of metadata.packages.values()) {
      if (scopeFor(scope, pkg.manifestPath) !== null) for (const t of pkg.targets) ofRepository.add(t.srcPath)
    }
  }
  return srcPath => (ofRepository.has(srcPath) ? scope : scopeFor(scope, srcPath))
}

/** The names a target's module tree may give a crate: in all its code, and only in its `#[cfg(test)]` code. */
interface TreeNames {
  names: Set<string>
  testNames: Set<string>
}

/** The names every file of a target's module tree may give a crate, or null when that cannot be decided. */
function moduleTreeNames(root: string, within: RepositoryScope | null): TreeNames | null {
  const names = new Set<string>()
  const testNames = new Set<string>()
  // A macro defined in one file may be invoked in another.
  const pathMacros = new Set<string>()
  const macroArguments = new Map<string, Set<string>>()
  // Each module file is visited with the crate names its declaration shadows in its parent, and whether it is
  // only in the test harness (declared under `#[cfg(test)]`, or below such a module).
  type Declared = { shadowed: readonly string[]; test: boolean }
  const complete = readModuleTree<Declared>(
    root,
    { shadowed: [], test: false },
    within,
    'stop',
    (text, _file, { shadowed, test }) => {
      const scanned = scanSourceNames(text)
      if (scanned.includes) return null
      const into = test ? testNames : names
      for (const name of scanned.names) into.add(name)
      for (const name of scanned.testNames) testNames.add(name)
      // A file that starts with `#![cfg(…)]` may not be compiled: its module shadows nothing then.
      if (scanned.gated) for (const name of shadowed) into.add(name)
      for (const name of scanned.pathMacros) pathMacros.add(name)
      for (const [name, args] of scanned.macroArguments) {
        const all = macroArguments.get(name)
        if (all === undefined) macroArguments.set(name, new Set(args))
        else for (const arg of args) all.add(arg)
      }
      return scanned.modules.map(m => ({ ...m, context: { shadowed: m.shadows, test: test || m.testOnly } }))
    },
    // A file declared both in test code and outside it is read both ways.
    ({ test }) => (test ? 'test' : '')
  )
  for (const name of macroPathArguments(pathMacros, macroArguments)) names.add(name)
  for (const name of names) testNames.delete(name)
  return complete ? { names, testNames } : null
}

interface ModuleTreeScan {
  exports: ExportedSymbol[]
  declarations: TypeDeclaration[]
  /** Every module file of the tree was found and read. */
  complete: boolean
}

function moduleTreeScan(root: string, within: RepositoryScope | null): ModuleTreeScan {
  const exports: ExportedSymbol[] = []
  const declarations: TypeDeclaration[] = []
  const everywhere: Presence = { library: true, harness: true }
  const complete = readModuleTree(root, everywhere, within, 'skip', (text, file, outer) => {
    const scanned = scanExports(text)
    for (const e of scanned.exports) {
      const site = { ...e, file, library: e.library && outer.library, harness: e.harness && outer.harness }
      if (site.library || site.harness) exports.push(site)
    }
    for (const d of scanned.declarations) declarations.push({ ...d, file })
    return scanned.modules.map(m => ({ name: m.name, path: m.path, inline: m.inline, context: { library: m.library && outer.library, harness: m.harness && outer.harness } }))
  })
  return { exports, declarations, complete }
}

/** An out-of-line module (`mod name;`) of a file, with what its file inherits (`context`). */
interface ModuleRef<C> {
  name: string
  /** The file a `#[path = "…"]` names. */
  path: string | null
  /** Files `#[cfg_attr(…, path = "…")]` names: each one there is read too, as rustc may read it instead. */
  conditionalPaths?: readonly string[]
  /** The directories of the inline modules it sits in, outermost first. */
  inline?: readonly string[]
  context: C
}

/**
 * Reads a target's module tree from its root file, as rustc finds module files: `mod name;` in a file whose
 * children live in directory D (the root's and a `mod.rs`'s own directory, `D/name/` for `name.rs`) is
 * `D/name.rs` or `D/name/mod.rs`, below the directories of the inline modules around it; `#[path]` is
 * relative to the file's directory (or, inside inline modules, to their directories). `visit` scans one file
 * and returns its modules, or null when the file leaves the tree undecided. Returns whether the whole tree
 * was read: not when a visit gave null, when a module file cannot be found or read, or past
 * `MAX_SOURCE_FILES` files or `MAX_SOURCE_BYTES` bytes. `stop` ends the reading at the first such file; `skip` reads on past a file
 * that cannot be found or read. A file is read once, or once per `visitedAs` of the contexts it is reached with.
 */
function readModuleTree<C>(
  root: string,
  rootContext: C,
  within: RepositoryScope | null,
  onMissing: 'stop' | 'skip',
  visit: (text: string, file: string, context: C) => ModuleRef<C>[] | null,
  visitedAs: (context: C) => string = () => ''
): boolean {
  // Each file with the directory its `mod name;` children are looked for in (rustc's module paths).
  const queue: { file: string; childDir: string; context: C }[] = [{ file: root, childDir: path.dirname(root), context: rootContext }]
  const seen = new Set<string>()
  let complete = true
  let bytes = 0
  while (queue.length > 0) {
    const { file, childDir, context } = queue.shift()!
    const key = `${visitedAs(context)}\0${file}`
    if (seen.has(key)) continue
    seen.add(key)
    if (seen.size > MAX_SOURCE_FILES) return false
    let text: string
    try {
      text = readInputFile(file, 'rust-source', { within })
    } catch {
      if (onMissing === 'stop') return false
      complete = false
      continue
    }
    bytes += text.length
    if (bytes > MAX_SOURCE_BYTES) return false
    const modules = visit(text, file, context)
    if (modules === null) {
      if (onMissing === 'stop') return false
      complete = false
      continue
    }
    for (const mod of modules) {
      const dir = path.join(childDir, ...(mod.inline ?? []))
      const pathBase = (mod.inline ?? []).length > 0 ? dir : path.dirname(file)
      const conditional = (mod.conditionalPaths ?? []).map(p => path.resolve(pathBase, p)).filter(isFile)
      for (const target of conditional) queue.push({ file: target, childDir: path.dirname(target), context: mod.context })
      if (mod.path !== null) {
        const target = path.resolve(pathBase, mod.path)
        queue.push({ file: target, childDir: path.dirname(target), context: mod.context })
        continue
      }
      const flat = path.join(dir, `${mod.name}.rs`)
      const nested = path.join(dir, mod.name, 'mod.rs')
      if (isFile(flat)) queue.push({ file: flat, childDir: path.join(dir, mod.name), context: mod.context })
      else if (isFile(nested)) queue.push({ file: nested, childDir: path.join(dir, mod.name), context: mod.context })
      // Where a condition gives the module its file, the default one need not be there.
      else if (conditional.length > 0) continue
      else if (onMissing === 'stop') return false
      else complete = false
    }
  }
  return complete
}

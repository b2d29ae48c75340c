/**
 * What the rules need from a package's Rust sources, read only inside the repository and within limits: the
 * global allocators it declares, whether it loads libraries at run time, and whether it names a crate.
 */
import fs from 'node:fs'
import path from 'node:path'
import { readInputFile, type RepositoryScope, scopeFor } from '../input-file.js'
import { MAX_SOURCE_FILES } from '../limits.js'
import type { AllocatorDeclaration } from '../model/facts.js'
import type { Metadata, Package } from '../model/metadata.js'
import { scanSourceNames } from '../rust-source/crate-names.js'
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

/**
 * The Rust sources under each target's directory (`MAX_SOURCE_FILES`, each within its limit), read once per
 * package. A package of the repository may name no source outside it: such a file is skipped.
 */
function packageSources(pkg: Package, scope: RepositoryScope | null): { file: string; text: string }[] {
  let found = sourcesOf.get(pkg)
  if (found !== undefined) return found
  const dirs = [...new Set(pkg.targets.map(t => path.dirname(t.srcPath)))]
  const files = new Set<string>()
  const walk = (dir: string): void => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      if (files.size >= MAX_SOURCE_FILES) return
      const full = path.join(dir, e.name)
      if (e.isDirectory() && e.name !== 'target' && !e.name.startsWith('.')) walk(full)
      // A symlinked source is compiled by cargo, so it is read too (within `scope`); a symlinked directory is not walked.
      else if (e.name.endsWith('.rs') && (e.isFile() || (e.isSymbolicLink() && isFile(full)))) files.add(full)
    }
  }
  for (const dir of dirs) walk(dir)
  found = []
  const within = scopeFor(scope, pkg.manifestPath)
  for (const file of [...files].sort()) {
    try {
      found.push({ file, text: readInputFile(file, 'rust-source', { within }) })
    } catch {
      // An unreadable, oversized or escaping file is skipped: these scans only add findings, never remove them.
    }
  }
  sourcesOf.set(pkg, found)
  return found
}

const sourcesOf = new WeakMap<Package, { file: string; text: string }[]>()

/** The `#[global_allocator]`s in a package's Rust sources. */
export function scanAllocators(pkg: Package, scope: RepositoryScope | null): AllocatorDeclaration[] {
  return packageSources(pkg, scope)
    .filter(s => s.text.includes('global_allocator'))
    .flatMap(s => scanGlobalAllocators(s.text).map(found => ({ file: s.file, line: found.line, item: found.item })))
}

/** Whether a package's Rust sources call the system loader (`dlopen`, `LoadLibrary`), outside comments. */
export function callsSystemLoader(pkg: Package, scope: RepositoryScope | null): boolean {
  return packageSources(pkg, scope).some(s => LOADS_LIBRARIES.test(stripComments(s.text)))
}

/**
 * Whether a target names a crate anywhere in its module tree (see `rust-source/crate-names.ts`): its root file
 * and every `mod name;` file it pulls in, read once per target. Undecided counts as named — a missed error is
 * worse than a false one: a file that cannot be read (recorded metadata from another machine, a `cfg`-gated
 * module that is not there), `include!`, more than `MAX_SOURCE_FILES` files, or a file of a repository package
 * that leads outside the repository. A name that is no identifier (`cargo metadata` allows more than rustc)
 * cannot be written in a source, so no file names it.
 */
export function sourceReader(metadata: Metadata, scope: RepositoryScope | null): (srcPath: string, crate: string) => boolean {
  const ofRepository = new Set<string>()
  if (scope !== null) {
    for (const pkg of metadata.packages.values()) {
      if (scopeFor(scope, pkg.manifestPath) !== null) for (const t of pkg.targets) ofRepository.add(t.srcPath)
    }
  }
  const namesOf = new Map<string, Set<string> | null>()
  return (srcPath, crate) => {
    let names = namesOf.get(srcPath)
    if (names === undefined) namesOf.set(srcPath, (names = moduleTreeNames(srcPath, ofRepository.has(srcPath) ? scope : scopeFor(scope, srcPath))))
    return names === null || names.has(crate)
  }
}

/** The names every file of a target's module tree may give a crate, or null when that cannot be decided. */
function moduleTreeNames(root: string, within: RepositoryScope | null): Set<string> | null {
  const names = new Set<string>()
  // Each file with the directory its `mod name;` children are looked for in (rustc's module paths).
  const queue: { file: string; childDir: string }[] = [{ file: root, childDir: path.dirname(root) }]
  const seen = new Set<string>()
  while (queue.length > 0) {
    const { file, childDir } = queue.shift()!
    if (seen.has(file)) continue
    seen.add(file)
    if (seen.size > MAX_SOURCE_FILES) return null
    let text: string
    try {
      text = readInputFile(file, 'rust-source', { within })
    } catch {
      return null
    }
    const scanned = scanSourceNames(text)
    if (scanned.includes) return null
    for (const name of scanned.names) names.add(name)
    for (const mod of scanned.modules) {
      if (mod.path !== null) {
        const target = path.resolve(path.dirname(file), mod.path)
        queue.push({ file: target, childDir: path.dirname(target) })
        continue
      }
      const flat = path.join(childDir, `${mod.name}.rs`)
      const nested = path.join(childDir, mod.name, 'mod.rs')
      if (isFile(flat)) queue.push({ file: flat, childDir: path.join(childDir, mod.name) })
      else if (isFile(nested)) queue.push({ file: nested, childDir: path.join(childDir, mod.name) })
      else return null
    }
  }
  return names
}

/**
 * The import graph of `src/` between its top-level folders (a file directly in `src/` is a node of its
 * own), and its cycles:
 *
 *   npx tsx scripts/import-graph.ts          # edges, one per line: `from -> to  (n imports)`
 *   npx tsx scripts/import-graph.ts --cycles # only the cycles; exits 1 if there is one
 *   npx tsx scripts/import-graph.ts --src DIR # the graph of another checkout's src/, e.g. an older commit's
 *                                               (`git worktree add /tmp/old <commit>`, then `--src /tmp/old/src`)
 *
 * Type-only imports count: a type is as much a dependency of the layer that names it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** A module of `src/` and the modules of `src/` it imports, as paths relative to `src/` without `.ts`. */
export interface ModuleImports {
  module: string
  imports: string[]
}

/** The node of the layer graph a module belongs to: its top-level folder, or the file itself. */
export function layerOf(module: string): string {
  const slash = module.indexOf('/')
  return slash === -1 ? module : module.slice(0, slash)
}

/** Relative imports of one TypeScript source, resolved against its module path (`cli/args` → `../errors.js` → `errors`). */
export function importsOf(module: string, source: string): string[] {
  const found: string[] = []
  for (const m of source.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+'(\.{1,2}\/[^']+)'|^\s*import\s+'(\.{1,2}\/[^']+)'/gm)) {
    const specifier = (m[1] ?? m[2])!
    found.push(path.posix.normalize(path.posix.join(path.posix.dirname(module), specifier)).replace(/\.js$/, ''))
  }
  return found
}

/** Edges between layers with how many module imports each stands for; imports within a layer are left out. */
export function layerEdges(modules: readonly ModuleImports[]): Map<string, Map<string, number>> {
  const edges = new Map<string, Map<string, number>>()
  for (const { module, imports } of modules) {
    const from = layerOf(module)
    if (!edges.has(from)) edges.set(from, new Map())
    for (const target of imports) {
      const to = layerOf(target)
      if (to === from) continue
      const out = edges.get(from)!
      out.set(to, (out.get(to) ?? 0) + 1)
    }
  }
  return edges
}

/** The strongly connected components with more than one node (Tarjan), each sorted, in sorted order. */
export function cycles(edges: ReadonlyMap<string, ReadonlyMap<string, number>>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  let next = 0
  const visit = (node: string): void => {
    index.set(node, next)
    low.set(node, next++)
    stack.push(node)
    onStack.add(node)
    for (const to of edges.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to)
        low.set(node, Math.min(low.get(node)!, low.get(to)!))
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!))
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      if (component.length > 1) found.push(component.sort())
    }
  }
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node)
  return found.sort((a, b) => (a[0]! < b[0]! ? -1 : 1))
}

/** Every `.ts` module under `dir`, with its imports. */
export function readModules(dir: string): ModuleImports[] {
  const modules: ModuleImports[] = []
  const walk = (sub: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = sub === '' ? entry.name : `${sub}/${entry.name}`
      if (entry.isDirectory()) walk(relative)
      else if (entry.name.endsWith('.ts')) {
        const module = relative.slice(0, -'.ts'.length)
        modules.push({ module, imports: importsOf(module, fs.readFileSync(path.join(dir, relative), 'utf8')) })
      }
    }
  }
  walk('')
  return modules.sort((a, b) => (a.module < b.module ? -1 : 1))
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const given = process.argv.indexOf('--src')
  const src = given > 0 && process.argv[given + 1] !== undefined ? path.resolve(process.argv[given + 1]!) : path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src')
  const edges = layerEdges(readModules(src))
  const found = cycles(edges)
  if (!process.argv.includes('--cycles')) {
    for (const [from, out] of [...edges].sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (const [to, n] of [...out].sort(([a], [b]) => (a < b ? -1 : 1))) process.stdout.write(`${from} -> ${to}  (${n})\n`)
    }
  }
  for (const component of found) process.stdout.write(`cycle: ${component.join(' <-> ')}\n`)
  if (found.length > 0) process.exitCode = 1
}

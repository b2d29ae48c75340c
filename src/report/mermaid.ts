import type { ArtifactReport, FindingReport } from './report.js'

/** Standard-library crates other than `std` itself: drawn as part of `std`. */
const STD_INTERNALS = new Set(['core', 'alloc', 'compiler_builtins', 'panic_unwind', 'panic_abort', 'test', 'proc_macro', 'unwind', 'libc'])

/** Diagrams of large artifacts keep the crates on the inclusion paths and the dylibs, and count the rest. */
const MAX_NODES = 40

type EdgeStyle = 'static' | 'dynamic' | 'inside dylib'

/**
 * A mermaid flowchart of how one artifact links: nodes are crates, edges are labelled `static`, `dynamic`
 * or `inside dylib` (a dylib that contains the crate), and the crates at fault are highlighted.
 * Every label is entity-encoded, so crate names cannot break out of the diagram or the code fence.
 */
export function linkageDiagram(artifact: ArtifactReport, findings: readonly FindingReport[]): string {
  const root = rootName(artifact)
  const atFault = new Set(findings.flatMap(f => f.crates))
  const edges = new Map<string, { from: string; to: string; style: EdgeStyle; onPath: boolean }>()
  const addEdge = (from: string, to: string, style: EdgeStyle, onPath: boolean): void => {
    const key = `${from}\0${to}\0${style}`
    const existing = edges.get(key)
    if (existing) existing.onPath ||= onPath
    else edges.set(key, { from, to, style, onPath })
  }
  for (const entry of artifact.linkage) {
    if (STD_INTERNALS.has(entry.crate) || entry.how === 'not-linked') continue
    if (entry.how === 'included-from-dylib') {
      if (entry.via !== undefined) addEdge(entry.via, entry.crate, 'inside dylib', false)
    } else addEdge(root, entry.crate, entry.how === 'dynamic' ? 'dynamic' : 'static', false)
  }
  for (const path of findings.flatMap(f => f.inclusion ?? [])) {
    const chain = path.chain[0] === root ? path.chain : [root, ...path.chain]
    for (let i = 1; i < chain.length; i++) addEdge(chain[i - 1]!, chain[i]!, 'dynamic', true)
    addEdge(chain.at(-1)!, path.crate, path.how === 'inside-dylib' ? 'inside dylib' : path.how, true)
  }

  const all = [...edges.values()]
  const kept = all.length <= MAX_NODES ? all : all.filter(e => e.onPath || e.style !== 'static' || atFault.has(e.to))
  const omitted = new Set(all.filter(e => !kept.includes(e)).map(e => e.to))
  for (const e of kept) omitted.delete(e.to)

  const dylibs = new Set([...artifact.linkage.filter(l => l.how === 'dynamic').map(l => l.crate), ...artifact.linkage.flatMap(l => (l.via === undefined ? [] : [l.via]))])
  const ids = new Map<string, string>()
  const lines = ['flowchart LR']
  for (const name of [root, ...kept.flatMap(e => [e.from, e.to])]) {
    if (ids.has(name)) continue
    ids.set(name, `n${ids.size}`)
    const kind = name === root ? artifact.crateType : dylibs.has(name) ? 'dylib' : null
    lines.push(`  ${ids.get(name)}["${mermaidText(name)}${kind === null ? '' : `<br/>${mermaidText(kind)}`}"]`)
  }
  for (const e of kept) {
    const arrow = e.style === 'inside dylib' ? `-. ${e.style} .->` : e.onPath ? `==>|${e.style}|` : `-->|${e.style}|`
    lines.push(`  ${ids.get(e.from)} ${arrow} ${ids.get(e.to)}`)
  }
  if (omitted.size > 0) lines.push(`  more["${omitted.size} more crates linked statically"]`, `  n0 -.- more`)
  lines.push('  classDef artifact fill:#ddf4ff,stroke:#0969da,stroke-width:2px,color:#1f2328')
  lines.push('  classDef fault fill:#ffebe9,stroke:#cf222e,stroke-width:3px,color:#1f2328')
  lines.push('  class n0 artifact')
  const faulty = [...atFault].filter(c => ids.has(c)).map(c => ids.get(c)!)
  if (faulty.length > 0) lines.push(`  class ${faulty.join(',')} fault`)
  return lines.join('\n')
}

/** The artifact's own crate name, as inclusion chains spell it. */
function rootName(artifact: ArtifactReport): string {
  return artifact.target.replace(/-/g, '_')
}

/** Mermaid label text: anything but plain name characters becomes a `#code;` entity. */
function mermaidText(text: string): string {
  return text.replace(/[^A-Za-z0-9 _.@/+-]/g, c => `#${c.codePointAt(0)};`)
}

import type { Finding } from '../findings/finding.js'
import type { ArtifactReport } from './report.js'

/** Standard-library crates other than `std` itself: drawn as part of `std`. */
const STD_INTERNALS = new Set(['core', 'alloc', 'compiler_builtins', 'panic_unwind', 'panic_abort', 'test', 'proc_macro', 'unwind', 'libc'])

/** Crates at fault drawn one by one; the rest share one node. */
const MAX_FAULT_NODES = 8

/** Edges beyond the inclusion paths: past this, statically linked crates are only counted. */
const MAX_EDGES = 40

type EdgeStyle = 'static' | 'dynamic' | 'inside dylib'

interface Edge {
  from: string
  to: string
  style: EdgeStyle
  /** On a way in of a crate at fault: drawn thick. */
  onPath: boolean
}

const MORE_FAULTS = '\0more-faults'
const MORE_STATIC = '\0more-static'

/**
 * A mermaid flowchart of how one artifact links: nodes are crates, edges are labelled `static`, `dynamic`
 * or `inside dylib` (a dylib that contains the crate), and the crates at fault are highlighted. Large
 * artifacts keep the ways in of the first crates at fault and every dylib, and count the rest.
 * Every label is entity-encoded, so crate names cannot break out of the diagram or the code fence.
 */
export function linkageDiagram(artifact: ArtifactReport, findings: readonly Finding[]): string {
  const root = artifact.target.replace(/-/g, '_')
  const faults = new Set(findings.flatMap(f => f.crates))
  const drawn = new Set([...faults].slice(0, MAX_FAULT_NODES))
  const moreFaults = faults.size - drawn.size
  const nodeFor = (crate: string): string => (faults.has(crate) && !drawn.has(crate) ? MORE_FAULTS : crate)

  const edges = new Map<string, Edge>()
  const addEdge = (from: string, to: string, style: EdgeStyle, onPath: boolean): void => {
    const key = `${from}\0${to}\0${style}`
    const existing = edges.get(key)
    if (existing) existing.onPath ||= onPath
    else edges.set(key, { from, to, style, onPath })
  }
  for (const path of findings.flatMap(f => f.inclusion ?? [])) {
    const chain = path.chain[0] === root ? path.chain : [root, ...path.chain]
    for (let i = 1; i < chain.length; i++) addEdge(chain[i - 1]!, chain[i]!, 'dynamic', true)
    addEdge(chain.at(-1)!, nodeFor(path.crate), path.how === 'inside-dylib' ? 'inside dylib' : path.how, true)
  }
  const rest: Edge[] = []
  for (const entry of artifact.linkage) {
    if (STD_INTERNALS.has(entry.crate) || entry.how === 'not-linked') continue
    const to = nodeFor(entry.crate)
    if (entry.how === 'included-from-dylib') {
      if (entry.via !== undefined) rest.push({ from: entry.via, to, style: 'inside dylib', onPath: false })
    } else rest.push({ from: root, to, style: entry.how === 'dynamic' ? 'dynamic' : 'static', onPath: false })
  }
  // Dylibs linked dynamically always show; other edges while there is room.
  let omitted = 0
  for (const e of rest) {
    const room = edges.size < MAX_EDGES || (e.style === 'dynamic' && e.from === root)
    if (room || edges.has(`${e.from}\0${e.to}\0${e.style}`)) addEdge(e.from, e.to, e.style, false)
    else if (e.style === 'static') omitted++
  }
  if (omitted > 0) addEdge(root, MORE_STATIC, 'static', false)

  const dylibs = new Set([...artifact.linkage.filter(l => l.how === 'dynamic').map(l => l.crate), ...artifact.linkage.flatMap(l => (l.via === undefined ? [] : [l.via]))])
  const label = (name: string): string => {
    if (name === MORE_FAULTS) return `${moreFaults} more crates at fault`
    if (name === MORE_STATIC) return `${omitted} more crates linked statically`
    const kind = name === root ? artifact.crateType : dylibs.has(name) ? 'dylib' : null
    return `${mermaidText(name)}${kind === null ? '' : `<br/>${mermaidText(kind)}`}`
  }
  const ids = new Map<string, string>()
  const lines = ['flowchart LR']
  for (const name of [root, ...[...edges.values()].flatMap(e => [e.from, e.to])]) {
    if (ids.has(name)) continue
    ids.set(name, `n${ids.size}`)
    lines.push(`  ${ids.get(name)}["${label(name)}"]`)
  }
  for (const e of edges.values()) {
    const arrow = e.style === 'inside dylib' ? `-. ${e.style} .->` : e.onPath ? `==>|${e.style}|` : `-->|${e.style}|`
    lines.push(`  ${ids.get(e.from)} ${arrow} ${ids.get(e.to)}`)
  }
  lines.push('  classDef artifact fill:#ddf4ff,stroke:#0969da,stroke-width:2px,color:#1f2328')
  lines.push('  classDef fault fill:#ffebe9,stroke:#cf222e,stroke-width:3px,color:#1f2328')
  lines.push('  class n0 artifact')
  const faulty = [...drawn, MORE_FAULTS].filter(c => ids.has(c)).map(c => ids.get(c)!)
  if (faulty.length > 0) lines.push(`  class ${faulty.join(',')} fault`)
  return lines.join('\n')
}

/** Mermaid label text: anything but plain name characters becomes a `#code;` entity. */
function mermaidText(text: string): string {
  return text.replace(/[^A-Za-z0-9 _.@/+-]/g, c => `#${c.codePointAt(0)};`)
}

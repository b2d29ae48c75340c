import type { Package } from '../model/metadata.js'
import { q } from './checks.js'

/** A package as the cycle search sees it: its edges are `pkg.deps`, and their ends are in `edgeEnds` from `firstEdge` on. */
export interface CycleNode {
  pkg: Package
  firstEdge: number
}

/** One edge of a path through the dependency graph: `from.deps[edge]`. */
export interface Step {
  from: Package
  edge: number
}

const UNSEEN = -2
const DONE = -1

/**
 * The first dependency cycle that cargo's resolver refuses (`check_cycles`), as the edges around it, or
 * null. Every edge with a normal or build kind counts, whatever its platform; an edge that is only a
 * dev-dependency does not, since cargo follows dev-dependencies only from tests, examples and benches,
 * which nothing depends on. `edgeEnds` has, from each package's `firstEdge` on, the package index each of
 * its edges leads to, -1 for a dev-only edge. Iterative: a dependency chain can be far deeper than the call stack.
 */
export function dependencyCycle(list: readonly CycleNode[], edgeEnds: readonly number[]): Step[] | null {
  // The index of each package on the current path, DONE once everything it reaches has been searched.
  const position = new Int32Array(list.length).fill(UNSEEN)
  // The current path: packages (by index) and the edge of each being followed.
  const onPath: number[] = []
  const edgeOf: number[] = []
  for (let start = 0; start < list.length; start++) {
    if (position[start] !== UNSEEN) continue
    position[start] = 0
    onPath.push(start)
    edgeOf.push(-1)
    while (onPath.length > 0) {
      const top = onPath.length - 1
      const from = list[onPath[top]!]!
      const edge = ++edgeOf[top]!
      if (edge >= from.pkg.deps.length) {
        position[onPath[top]!] = DONE
        onPath.pop()
        edgeOf.pop()
        continue
      }
      const to = edgeEnds[from.firstEdge + edge]!
      if (to < 0) continue
      const at = position[to]!
      if (at === UNSEEN) {
        position[to] = onPath.length
        onPath.push(to)
        edgeOf.push(-1)
      } else if (at >= 0) {
        const cycle: Step[] = []
        for (let x = at; x < onPath.length; x++) cycle.push({ from: list[onPath[x]!]!.pkg, edge: edgeOf[x]! })
        return cycle
      }
    }
  }
  return null
}

/** Cargo's words for a cycle, on one line; a long cycle shows its first packages and the one closing it. */
export function describeCycle(cycle: readonly Step[]): string {
  const name = (pkg: Package): string => q(`${pkg.name} v${pkg.version}`)
  const shown = 10
  const names = cycle.map(s => name(s.from))
  const around = names.length > shown + 1 ? [...names.slice(0, shown), `… ${names.length - shown - 1} more`, names[names.length - 1]!] : names
  return `cyclic package dependency: package ${names[0]} depends on itself (${[...around, names[0]].join(' → ')}); cargo refuses every dependency cycle that does not go through a dev-dependency`
}

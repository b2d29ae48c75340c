/** Objects a key path could reach from a plain object through `__proto__`, `constructor` and methods. */
function reachable(): object[] {
  const roots: object[] = [Object.prototype, Object, Function.prototype, Function, Array.prototype, Array]
  const out = new Set<object>(roots)
  for (const root of roots) {
    for (const key of Reflect.ownKeys(root)) {
      const d = Object.getOwnPropertyDescriptor(root, key)
      if (d && 'value' in d && (typeof d.value === 'function' || (typeof d.value === 'object' && d.value !== null))) out.add(d.value as object)
    }
  }
  return [...out]
}
const GUARDED = reachable()

function nameOf(o: object): string {
  if (o === Object.prototype) return 'Object.prototype'
  if (o === Function.prototype) return 'Function.prototype'
  if (o === Array.prototype) return 'Array.prototype'
  return (o as { name?: string }).name ?? '?'
}

/**
 * Runs `fn` and undoes any property it added to or changed on a built-in object; returns what was changed
 * (`Object.prototype.x`), so that a test can fail on it without breaking the tests after it.
 */
export function withBuiltinsGuarded<T>(fn: () => T): { result: T | undefined; error: unknown; threw: boolean; changed: string[] } {
  const before = GUARDED.map(o => new Map(Reflect.ownKeys(o).map(k => [k, Object.getOwnPropertyDescriptor(o, k)!])))
  let result: T | undefined
  let error: unknown
  let threw = false
  try {
    result = fn()
  } catch (e) {
    error = e
    threw = true
  }
  const changed: string[] = []
  GUARDED.forEach((o, i) => {
    for (const key of Reflect.ownKeys(o)) {
      const was = before[i]!.get(key)
      const now = Object.getOwnPropertyDescriptor(o, key)!
      if (was === undefined) {
        changed.push(`${nameOf(o)}.${String(key)}`)
        delete (o as Record<PropertyKey, unknown>)[key]
      } else if ('value' in was && was.value !== now.value) {
        changed.push(`${nameOf(o)}.${String(key)}`)
        Object.defineProperty(o, key, was)
      }
    }
  })
  return { result, error, threw, changed }
}

/** A parsed `--print=cfg` set. */
export interface CfgSet {
  names: Set<string>
  values: Map<string, Set<string>>
}

/** Whether the cfg set has `key="value"` (`target_os="windows"`). */
export function cfgHas(cfg: CfgSet, key: string, value: string): boolean {
  return cfg.values.get(key)?.has(value) ?? false
}

/** A parsed `cfg(...)` predicate, as in `[target.'cfg(unix)'.dependencies]`. */
export type CfgExpr =
  | { op: 'name'; name: string }
  | { op: 'eq'; key: string; value: string }
  | { op: 'all' | 'any'; args: CfgExpr[] }
  | { op: 'not'; arg: CfgExpr }

/** Thrown for a malformed cfg expression; the caller adds where it came from. */
export class CfgSyntaxError extends Error {}

/** Parses the `--print=cfg` output of rustc into a set. */
export function parseCfgLines(text: string): CfgSet {
  const names = new Set<string>()
  const values = new Map<string, Set<string>>()
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '') continue
    const eq = line.indexOf('=')
    if (eq < 0) {
      names.add(line)
      continue
    }
    const key = line.slice(0, eq)
    const value = line.slice(eq + 1).replace(/^"(.*)"$/, '$1')
    let set = values.get(key)
    if (!set) values.set(key, (set = new Set()))
    set.add(value)
  }
  return { names, values }
}

/** Parses the inside or the whole of `cfg(...)`. */
export function parseCfgExpr(text: string): CfgExpr {
  const tokens = tokenize(text)
  let pos = 0
  const peek = (): string | undefined => tokens[pos]
  const next = (): string => {
    const t = tokens[pos++]
    if (t === undefined) throw new CfgSyntaxError(`unexpected end of cfg expression \`${text}\``)
    return t
  }
  const expect = (t: string): void => {
    const got = next()
    if (got !== t) throw new CfgSyntaxError(`expected \`${t}\` but found \`${got}\` in \`${text}\``)
  }
  const parseExpr = (): CfgExpr => {
    const ident = next()
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(ident)) throw new CfgSyntaxError(`unexpected \`${ident}\` in \`${text}\``)
    if ((ident === 'all' || ident === 'any' || ident === 'not') && peek() === '(') {
      next()
      const args: CfgExpr[] = []
      while (peek() !== ')') {
        args.push(parseExpr())
        if (peek() === ',') next()
        else break
      }
      expect(')')
      if (ident === 'not') {
        if (args.length !== 1) throw new CfgSyntaxError(`\`not\` takes exactly one predicate in \`${text}\``)
        return { op: 'not', arg: args[0]! }
      }
      return { op: ident, args }
    }
    if (peek() === '=') {
      next()
      const value = next()
      if (!value.startsWith('"')) throw new CfgSyntaxError(`expected a string after \`${ident} =\` in \`${text}\``)
      return { op: 'eq', key: ident, value: value.slice(1, -1) }
    }
    return { op: 'name', name: ident }
  }
  const trimmed = text.trim()
  const isWrapped = /^cfg\s*\(/.test(trimmed)
  if (isWrapped) {
    expect('cfg')
    expect('(')
  }
  const expr = parseExpr()
  if (isWrapped) expect(')')
  if (pos !== tokens.length) throw new CfgSyntaxError(`unexpected \`${tokens[pos]}\` in \`${text}\``)
  return expr
}

function tokenize(text: string): string[] {
  const tokens: string[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (/\s/.test(c)) {
      i++
    } else if (c === '(' || c === ')' || c === ',' || c === '=') {
      tokens.push(c)
      i++
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1)
      if (end < 0) throw new CfgSyntaxError(`unterminated string in \`${text}\``)
      tokens.push(text.slice(i, end + 1))
      i = end + 1
    } else {
      const m = /^[A-Za-z0-9_\-.]+/.exec(text.slice(i))
      if (!m) throw new CfgSyntaxError(`unexpected character \`${c}\` in \`${text}\``)
      tokens.push(m[0])
      i += m[0].length
    }
  }
  return tokens
}

export function evalCfg(expr: CfgExpr, cfg: CfgSet): boolean {
  switch (expr.op) {
    case 'name':
      // `cfg(true)` and `cfg(false)` are boolean literals (stable since Rust 1.88).
      if (expr.name === 'true' || expr.name === 'false') return expr.name === 'true'
      return cfg.names.has(expr.name)
    case 'eq':
      return cfgHas(cfg, expr.key, expr.value)
    case 'all':
      return expr.args.every(a => evalCfg(a, cfg))
    case 'any':
      return expr.args.some(a => evalCfg(a, cfg))
    case 'not':
      return !evalCfg(expr.arg, cfg)
  }
}

/**
 * Whether a dependency's platform condition (`cfg(...)` or a target triple, as in `dep_kinds[].target`)
 * holds for a compilation target. Malformed conditions throw CfgSyntaxError.
 */
export function platformMatches(platform: string, triple: string, cfg: CfgSet): boolean {
  if (/^\s*cfg\s*\(/.test(platform)) return evalCfg(parsedCfg(platform), cfg)
  return platform.trim() === triple
}

// The same few platform strings recur on thousands of edges: parse each once.
const parsedCfgCache = new Map<string, CfgExpr>()

function parsedCfg(text: string): CfgExpr {
  let expr = parsedCfgCache.get(text)
  if (!expr) {
    expr = parseCfgExpr(text)
    parsedCfgCache.set(text, expr)
  }
  return expr
}

import { isJsonObject } from '../json.js'
import { CRATE_TYPES, type CrateType, isCrateType } from '../model/crate-type.js'
import type { Target, TargetKind } from '../model/metadata.js'
import { badStringList, Invalid, isStringArray, type Json, NO_STRINGS, notBoolean, notObject, notString, q, stringList } from './checks.js'

/** `packages[i].targets[j]`, for messages. */
const targetPath = (i: number, j: number): string => `packages[${i}].targets[${j}]`

/** A package as messages name it. */
export const label = (packageName: string): string => `package ${q(packageName)}`

// The lists of one crate type, which nearly every target has: one frozen list each.
const ONE_CRATE_TYPE = Object.fromEntries(CRATE_TYPES.map(t => [t, Object.freeze([t])])) as unknown as Record<CrateType, CrateType[]>

/** Whether a target kind names a target that is not a library. */
function isTargetKind(k: string): k is TargetKind {
  return k === 'bin' || k === 'example' || k === 'test' || k === 'bench' || k === 'custom-build'
}

/** Target `j` of package `i` (`packages[i].targets[j]`), named `packageName`. */
export function parseTarget(value: Json, i: number, j: number, packageName: string): Target {
  if (!isJsonObject(value)) throw notObject(value, targetPath(i, j))
  const name = value.name
  if (typeof name !== 'string') throw notString(name, `${targetPath(i, j)}.name`)
  // Both lists are only read here; crate types are kept, as one of the shared lists when there is one.
  const kinds = value.kind
  if (!isStringArray(kinds)) badStringList(kinds, `${targetPath(i, j)}.kind`)
  const crateTypeNames = value.crate_types
  if (!isStringArray(crateTypeNames)) badStringList(crateTypeNames, `${targetPath(i, j)}.crate_types`)
  if (kinds.length === 0 && crateTypeNames.length === 0) {
    // What cargo prints for `[lib] crate-type = []`: cargo builds nothing from it, nor anything that needs it.
    throw new Invalid(
      `${targetPath(i, j)}.crate_types`,
      `library ${q(name)} of ${label(packageName)} has no crate types (\`crate-type = []\` in its manifest): cargo refuses to build it ("does not support any of the output crate types"); list the crate types to build, or remove the key`
    )
  }
  if (kinds.length === 0) throw new Invalid(`${targetPath(i, j)}.kind`, `target ${q(name)} of ${label(packageName)} has no kind`)
  if (crateTypeNames.length === 0) throw new Invalid(`${targetPath(i, j)}.crate_types`, `target ${q(name)} of ${label(packageName)} has no crate types`)
  for (let c = 0; c < crateTypeNames.length; c++) {
    const crateType = crateTypeNames[c]!
    if (!isCrateType(crateType)) {
      throw new Invalid(`${targetPath(i, j)}.crate_types`, `unknown crate type ${q(crateType)} in target ${q(name)} of ${label(packageName)}`)
    }
  }
  const crateTypes = crateTypeNames.length === 1 ? ONE_CRATE_TYPE[crateTypeNames[0] as CrateType] : (crateTypeNames.slice() as CrateType[])
  let kind: TargetKind
  const single = kinds.length === 1 ? kinds[0]! : null
  if (single !== null && isTargetKind(single)) {
    kind = single
    // Only examples may have crate types other than `bin` (an example can be a library).
    if (kind !== 'example' && (crateTypes.length !== 1 || crateTypes[0] !== 'bin')) {
      throw new Invalid(`${targetPath(i, j)}.crate_types`, `${kind} target ${q(name)} of ${label(packageName)} must have crate type \`bin\`, got ${crateTypes.join(', ')}`)
    }
  } else {
    // Any other kind list names the crate types of a library target.
    for (let k = 0; k < kinds.length; k++) {
      const kindName = kinds[k]!
      if (isTargetKind(kindName)) {
        throw new Invalid(`${targetPath(i, j)}.kind`, `target kind ${q(kindName)} cannot be combined with other kinds in target ${q(name)} of ${label(packageName)}`)
      }
      if (!isCrateType(kindName)) throw new Invalid(`${targetPath(i, j)}.kind`, `unknown target kind ${q(kindName)} in target ${q(name)} of ${label(packageName)}`)
    }
    kind = single === 'proc-macro' ? 'proc-macro' : 'lib'
    const procMacro = crateTypes.includes('proc-macro')
    if (crateTypes.includes('bin')) {
      throw new Invalid(`${targetPath(i, j)}.crate_types`, `library target ${q(name)} of ${label(packageName)} cannot have crate type \`bin\``)
    }
    if (procMacro && crateTypes.length > 1) {
      throw new Invalid(`${targetPath(i, j)}.crate_types`, `cannot mix \`proc-macro\` crate type with others in target ${q(name)} of ${label(packageName)}`)
    }
    if ((kind === 'proc-macro') !== procMacro) {
      throw new Invalid(
        `${targetPath(i, j)}.crate_types`,
        `a proc-macro target must have kind and crate types exactly \`proc-macro\`, got kind ${kinds.join(', ')} and crate types ${crateTypes.join(', ')} in target ${q(name)} of ${label(packageName)}`
      )
    }
    // `to_lib_target` (src/cargo/util/toml/targets.rs) refuses this for a library only; an example may have both.
    if (crateTypes.includes('dylib') && crateTypes.includes('cdylib')) {
      throw new Invalid(`${targetPath(i, j)}.crate_types`, `library ${q(name)} of ${label(packageName)} cannot set the crate type of both \`dylib\` and \`cdylib\``)
    }
  }
  const rawRequired = value['required-features']
  const requiredFeatures = rawRequired === undefined ? NO_STRINGS : stringList(rawRequired, () => `${targetPath(i, j)}.required-features`)
  // Metadata from older cargos has no `test` key; cargo's defaults are true except for benches, examples and build scripts.
  const rawTest = value.test
  if (rawTest !== undefined && typeof rawTest !== 'boolean') throw notBoolean(rawTest, `${targetPath(i, j)}.test`)
  const test = rawTest === undefined ? kind !== 'bench' && kind !== 'example' && kind !== 'custom-build' : rawTest
  const rawDoctest = value.doctest
  if (rawDoctest !== undefined && typeof rawDoctest !== 'boolean') throw notBoolean(rawDoctest, `${targetPath(i, j)}.doctest`)
  const doctest = rawDoctest === undefined ? kind === 'lib' || kind === 'proc-macro' : rawDoctest
  const srcPath = value.src_path
  if (typeof srcPath !== 'string') throw notString(srcPath, `${targetPath(i, j)}.src_path`)
  return { name, kind, crateTypes, srcPath, test, doctest, requiredFeatures }
}

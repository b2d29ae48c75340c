/**
 * Whether an exported function or static is a C interface: what two separately compiled Rust worlds (a host
 * and a `cdylib` plugin, each with its own `std`) can pass between them without agreeing on anything but the
 * platform's C ABI. A function must use a C-family ABI (`extern "C"`, `"C-unwind"`, `"system"`, …) and have no
 * type or const parameters; its parameter and return types, and a static's type, must be C-compatible:
 *
 * - primitive integers and floats, `bool`; `()` and `!` as a return type;
 * - raw pointers `*const T` / `*mut T` and `NonNull<T>` to a sized `T` (an opaque handle is fine; a pointer to
 *   `dyn`, `str` or a slice is a fat pointer with a Rust layout);
 * - references `&T` / `&mut T` to a C-compatible `T`, and `Option` of a reference, of `NonNull` or of a C `fn`
 *   pointer (the null pointer is `None`);
 * - `extern "C" fn(…) -> …` pointers whose own signature is C-compatible;
 * - the C types of `std::ffi`, `core::ffi`, `std::os::raw` (`c_int`, `c_char`, `c_void`, …) and anything from `libc`;
 * - types declared `#[repr(C)]`, `#[repr(transparent)]` or with a primitive representation (`#[repr(u8)]`) in
 *   the workspace, found by name (aliases followed); their fields are not checked;
 * - fixed-size arrays of these, in a static.
 *
 * Everything else — `String`, `Vec`, `Box`, `&str`, slices, `dyn`, `impl`, tuples, a Rust-ABI function, a type
 * not known to be C-compatible — is a problem, described for the report.
 */
import type { ExportedSymbol, SignatureType, TypeDeclaration } from '../model/facts.js'

/** The first thing that keeps an export from being a C interface. */
export interface InterfaceProblem {
  /** What is wrong, as a sentence fragment after the export's name ("returns `Box<dyn Plugin>`, …"). */
  reason: string
  /** The line of the offending type, or of the item. */
  line: number
}

/** ABIs that follow the platform's C calling conventions (rustc's `ExternAbi`, the C family). */
const C_ABIS = new Set([
  'C',
  'C-unwind',
  'system',
  'system-unwind',
  'cdecl',
  'cdecl-unwind',
  'stdcall',
  'stdcall-unwind',
  'fastcall',
  'fastcall-unwind',
  'thiscall',
  'thiscall-unwind',
  'vectorcall',
  'vectorcall-unwind',
  'win64',
  'win64-unwind',
  'sysv64',
  'sysv64-unwind',
  'aapcs',
  'aapcs-unwind',
  'efiapi'
])

const PRIMITIVES = new Set(['i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'f32', 'f64', 'bool'])

/** The C types of `core::ffi` (re-exported by `std::ffi` and `std::os::raw`), and libc's usual size types. */
const C_TYPES = new Set([
  'c_char',
  'c_schar',
  'c_uchar',
  'c_short',
  'c_ushort',
  'c_int',
  'c_uint',
  'c_long',
  'c_ulong',
  'c_longlong',
  'c_ulonglong',
  'c_float',
  'c_double',
  'c_void',
  'c_size_t',
  'c_ssize_t',
  'c_ptrdiff_t',
  'size_t',
  'ssize_t',
  'ptrdiff_t',
  'intptr_t',
  'uintptr_t'
])
const C_TYPE_MODULES = ['std::ffi', 'core::ffi', 'std::os::raw']

/** Integer representations: a field-less or data-carrying enum with one has a defined, C-compatible layout. */
const INTEGER_REPRS = new Set(['u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize'])

/** Aliases nest a few levels in practice; a cycle (which rustc rejects) must not loop. */
const MAX_ALIASES = 8

/** Null when the export is a C interface; otherwise the first problem, in source order. */
export function interfaceProblem(exported: ExportedSymbol): InterfaceProblem | null {
  const signature = exported.signature
  if (signature === undefined) return { reason: 'has a signature that was not read', line: exported.line }
  if (signature === null) return { reason: 'has a signature that could not be read', line: exported.line }
  const types = exported.types ?? []
  if (signature.item === 'static') {
    const problem = typeProblem(signature.type, 'static', types, 0)
    return problem === null ? null : { reason: `is a static of type \`${signature.type.text}\`: ${problem.why}`, line: problem.line }
  }
  if (signature.abi === null) return { reason: 'has the Rust ABI: it is exported unmangled but not declared `extern "C"`', line: signature.line }
  if (!C_ABIS.has(signature.abi)) return { reason: `uses the \`extern "${signature.abi}"\` ABI, not a C one`, line: signature.line }
  if (signature.generic) return { reason: 'is generic', line: signature.line }
  for (const param of signature.params) {
    const problem = typeProblem(param, 'param', types, 0)
    if (problem !== null) return { reason: `takes \`${param.text}\`: ${problem.why}`, line: problem.line }
  }
  if (signature.returns !== null) {
    const problem = typeProblem(signature.returns, 'return', types, 0)
    if (problem !== null) return { reason: `returns \`${signature.returns.text}\`: ${problem.why}`, line: problem.line }
  }
  return null
}

type Position = 'param' | 'return' | 'static' | 'inner'

interface TypeProblem {
  why: string
  line: number
}

function typeProblem(type: SignatureType, position: Position, types: readonly TypeDeclaration[], aliases: number): TypeProblem | null {
  const bad = (why: string): TypeProblem => ({ why, line: type.line })
  switch (type.kind) {
    case 'never':
      return position === 'return' ? null : bad('`!` has no C equivalent')
    case 'tuple':
      if (type.items.length === 0 && position === 'return') return null
      return bad(type.items.length === 0 ? '`()` has no C equivalent as a value' : 'tuples have no defined layout')
    case 'dyn':
      return bad('a trait object has a Rust layout and vtable')
    case 'impl':
      return bad('`impl Trait` is a Rust type chosen by the compiler')
    case 'other':
      return bad('this type is not known to be C-compatible')
    case 'slice':
      return bad('slices have no C equivalent')
    case 'array':
      return position === 'static' ? typeProblem(type.of, 'inner', types, aliases) : bad('arrays cannot be passed by value in C')
    case 'pointer':
      return thin(type.to) ? null : bad(`\`${type.text}\` is a fat pointer (pointer and length or vtable)`)
    case 'reference':
      if (!thin(type.to)) return bad(`\`${type.text}\` is a fat pointer (pointer and length or vtable)`)
      return typeProblem(type.to, 'inner', types, aliases)
    case 'fn':
      if (type.abi === null) return bad('a Rust-ABI function pointer (no `extern "C"`)')
      if (!C_ABIS.has(type.abi)) return bad(`a function pointer with the \`extern "${type.abi}"\` ABI`)
      for (const p of type.params) {
        const problem = typeProblem(p, 'param', types, aliases)
        if (problem !== null) return problem
      }
      return type.returns === null ? null : typeProblem(type.returns, 'return', types, aliases)
    case 'path':
      return pathProblem(type, types, aliases)
  }
}

function pathProblem(type: Extract<SignatureType, { kind: 'path' }>, types: readonly TypeDeclaration[], aliases: number): TypeProblem | null {
  const bad = (why: string): TypeProblem => ({ why, line: type.line })
  const name = type.segments[type.segments.length - 1]!
  const module = type.segments.slice(0, -1).join('::')
  const bare = type.segments.length === 1
  if (type.args.length === 0 && bare && PRIMITIVES.has(name)) return null
  if (type.args.length === 0 && (module === 'libc' || (C_TYPES.has(name) && (bare || C_TYPE_MODULES.includes(module))))) return null
  const arg = type.args[0]
  if (name === 'NonNull' && type.args.length === 1 && (bare || module === 'std::ptr' || module === 'core::ptr')) {
    return thin(arg!) ? null : bad(`\`${type.text}\` is a fat pointer`)
  }
  if (name === 'Option' && type.args.length === 1 && (bare || module === 'std::option' || module === 'core::option')) {
    // The null-pointer optimisation: `None` is the null pointer, guaranteed for these.
    const inner = resolved(arg!, types)
    const nullable =
      inner.kind === 'reference' || inner.kind === 'fn' || (inner.kind === 'path' && inner.segments[inner.segments.length - 1] === 'NonNull' && inner.args.length === 1)
    if (!nullable) return bad(`\`Option<${arg!.text}>\` has no C layout (only \`Option\` of a reference, \`NonNull\` or an \`extern "C" fn\` is a nullable pointer)`)
    return typeProblem(inner, 'inner', types, aliases)
  }
  if ((name === 'Box' || name === 'Arc' || name === 'Rc') && arg?.kind === 'dyn') {
    return bad(`a boxed trait object is a fat pointer to a vtable laid out by this side's compiler, and the side that drops it frees it with its own allocator`)
  }
  const declared = types.filter(d => d.name === name)
  if (declared.length === 0) return bad(RUST_TYPES.has(name) ? `\`${name}\` is a Rust type with no C layout` : `no \`#[repr(C)]\` declaration of \`${name}\` was found in the workspace`)
  for (const d of declared) {
    if (d.item === 'type') {
      if (aliases >= MAX_ALIASES || d.aliasOf === null) return bad(`the alias \`${name}\` could not be followed`)
      const problem = typeProblem(d.aliasOf, 'inner', types, aliases + 1)
      if (problem !== null) return { why: `\`${name}\` is \`${d.aliasOf.text}\`: ${problem.why}`, line: type.line }
      continue
    }
    if (!d.repr.some(r => r === 'C' || r === 'transparent' || INTEGER_REPRS.has(r))) {
      return bad(`\`${name}\` (a ${d.item} of the workspace) has no \`#[repr(C)]\`, \`#[repr(transparent)]\` or integer representation, so its layout is the compiler's choice`)
    }
  }
  for (const a of type.args) {
    const problem = typeProblem(a, 'inner', types, aliases)
    if (problem !== null) return problem
  }
  return null
}

/** The type an alias stands for, aliases followed (one declaration of the name, and a `type` item). */
function resolved(type: SignatureType, types: readonly TypeDeclaration[]): SignatureType {
  let current = type
  for (let i = 0; i < MAX_ALIASES && current.kind === 'path' && current.args.length === 0; i++) {
    const name = current.segments[current.segments.length - 1]
    const declared = types.filter(d => d.name === name)
    if (declared.length !== 1 || declared[0]!.aliasOf === null) break
    current = declared[0]!.aliasOf
  }
  return current
}

/** Standard Rust types that are often passed across a plugin boundary by mistake. */
const RUST_TYPES = new Set(['String', 'Vec', 'Box', 'Rc', 'Arc', 'HashMap', 'BTreeMap', 'HashSet', 'Result', 'Option', 'str', 'char', 'CString', 'CStr', 'OsString', 'PathBuf', 'Path', 'Cow', 'RefCell', 'Cell', 'Mutex', 'RwLock'])

/** A pointer to it is one machine word: not `dyn`, a slice, `str` or `CStr`. */
function thin(pointee: SignatureType): boolean {
  if (pointee.kind === 'dyn' || pointee.kind === 'slice') return false
  if (pointee.kind === 'path') {
    const name = pointee.segments[pointee.segments.length - 1]
    return !(pointee.args.length === 0 && (name === 'str' || name === 'CStr' || name === 'OsStr' || name === 'Path'))
  }
  return true
}

/**
 * Colour as rustc and cargo show it: plain SGR sequences, each styled span closed by a reset. Whether to
 * colour at all is the caller's choice (`cli/color.ts`).
 */

const BOLD = '\u001b[1m'
const RESET = '\u001b[0m'

/**
 * The styles of rustc 1.95 and cargo 1.95 diagnostics, byte for byte: bold, then a 16-colour foreground,
 * each its own sequence.
 */
const STYLES = {
  /** `error`, `error[E0382]`: bold bright red. */
  error: `${BOLD}\u001b[91m`,
  /** `warning`: bold yellow (not bright). */
  warning: `${BOLD}\u001b[33m`,
  /** `note`: bold bright green. */
  note: `${BOLD}\u001b[92m`,
  /** `help`: bold bright cyan. */
  help: `${BOLD}\u001b[96m`,
  /** `-->`, `:::`, `=` and the line-number gutter: bold bright blue. */
  gutter: `${BOLD}\u001b[94m`,
  /** A diagnostic's message, the label of a `= note:` line, headings. */
  bold: BOLD,
  /** Success, as cargo's `Compiling` and `Finished`: bold bright green. */
  good: `${BOLD}\u001b[92m`,
  /** A line a fix adds, as rustc's diff-style suggestions: bright green. */
  added: '\u001b[92m',
  /** A line a fix removes: bright red. */
  removed: '\u001b[91m'
} as const

export type Style = keyof typeof STYLES

/** Wraps text in a style, or returns it unchanged. */
export type Paint = (style: Style, text: string) => string

/** A `Paint` that styles when `color` is true and is the identity otherwise. */
export function painter(color: boolean): Paint {
  return color ? (style, text) => `${STYLES[style]}${text}${RESET}` : (_style, text) => text
}

/** Every SGR sequence (`ESC [ … m`) removed. */
export function stripSgr(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '')
}

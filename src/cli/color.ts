/**
 * Colour as cargo chooses it. Pure: the `--color` flag, the variables cargo reads and whether a stream is a
 * terminal in, a yes or no out. How colour looks is `report/sgr.ts`.
 */
import { UserError } from '../errors.js'

/** `--color` and `CARGO_TERM_COLOR` as cargo spells them. */
export type ColorChoice = 'auto' | 'always' | 'never'

export const COLOR_CHOICES: readonly ColorChoice[] = ['auto', 'always', 'never']

/** The variables that choose colour, as set (unset ones undefined). */
export interface ColorVariables {
  CARGO_TERM_COLOR?: string | undefined
  NO_COLOR?: string | undefined
  TERM?: string | undefined
}

/**
 * `--color` when given, else `CARGO_TERM_COLOR` when set, else `auto`.
 *
 * @throws UserError for a `CARGO_TERM_COLOR` other than `auto`, `always` or `never` (empty and other cases
 *   too), which cargo rejects as well.
 */
export function resolveColorChoice(flag: ColorChoice | null, cargoTermColor: string | undefined): ColorChoice {
  if (flag !== null) return flag
  if (cargoTermColor === undefined) return 'auto'
  if (isColorChoice(cargoTermColor)) return cargoTermColor
  throw new UserError(`\`CARGO_TERM_COLOR\` must be one of ${COLOR_CHOICES.join(', ')}, got \`${cargoTermColor}\``)
}

export function isColorChoice(value: string | undefined): value is ColorChoice {
  return COLOR_CHOICES.some(choice => choice === value)
}

/** Whether `auto` colours a stream: it is a terminal, `TERM` is not `dumb`, and `NO_COLOR` is unset or empty. */
export function terminalShowsColor(isTTY: boolean, variables: Pick<ColorVariables, 'NO_COLOR' | 'TERM'>): boolean {
  return isTTY && variables.TERM !== 'dumb' && (variables.NO_COLOR ?? '') === ''
}

/** Whether a stream is coloured under `choice`; `always` colours even where `NO_COLOR` is set, as cargo does. */
export function colorsStream(choice: ColorChoice, showsColor: boolean): boolean {
  return choice === 'always' || (choice === 'auto' && showsColor)
}

/**
 * The whole decision for one stream: `flag` (null when `--color` is not given), then `CARGO_TERM_COLOR`,
 * then the terminal. Standard output and standard error are each decided by their own `isTTY`.
 *
 * @throws UserError for an invalid `CARGO_TERM_COLOR` when no flag overrides it.
 */
export function decideColor(flag: ColorChoice | null, variables: ColorVariables, isTTY: boolean): boolean {
  return colorsStream(resolveColorChoice(flag, variables.CARGO_TERM_COLOR), terminalShowsColor(isTTY, variables))
}

/**
 * Whether our own messages on standard error are coloured, even for a command line that does not parse:
 * `flag` is the `--color` found in it, if any. An invalid `CARGO_TERM_COLOR`, itself the error then being
 * reported, counts as `auto`.
 */
export function decideErrorColor(flag: ColorChoice | null, variables: ColorVariables, isTTY: boolean): boolean {
  const choice = flag ?? (isColorChoice(variables.CARGO_TERM_COLOR) ? variables.CARGO_TERM_COLOR : 'auto')
  return colorsStream(choice, terminalShowsColor(isTTY, variables))
}

/** A cargo profile's settings that decide linkage (`[profile.*]`, `CARGO_PROFILE_*`, `--config`), and where each came from. */

/** The panic strategy a unit is compiled with (`-C panic`). */
export type PanicStrategy = 'unwind' | 'abort'

/** `lto` as cargo reads it: `false`, `true`, `"thin"`, `"fat"` or `"off"`. */
export type LtoSetting = 'false' | 'true' | 'thin' | 'fat' | 'off'

/** The profile settings that decide linkage. */
export interface ProfileSettings {
  name: string
  panic: PanicStrategy
  lto: LtoSetting
  rpath: boolean
  /** Where each setting came from, for locations in findings. */
  sources: Partial<Record<'panic' | 'lto' | 'rpath', SettingSource>>
}

/** A file and line a setting was read from (repository-relative when possible), or an environment variable. */
export type SettingSource = { file: string; line: number } | { env: string }

/**
 * Prints the CHANGELOG.md section of a release, for the GitHub release's notes:
 *
 *   npx tsx scripts/release-notes.ts 1.2.3 > notes.md
 *
 * Exits 1 with one line if CHANGELOG.md has no dated section for that version.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The body of `## [version] - YYYY-MM-DD` in a Keep a Changelog file, without its heading and trimmed, or
 * null when there is no such dated section (an `[Unreleased]` section is not a release).
 */
export function releaseNotes(changelog: string, version: string): string | null {
  const lines = changelog.split(/\r?\n/)
  const heading = `## [${version}] - `
  const start = lines.findIndex(line => line.startsWith(heading) && /^\d{4}-\d{2}-\d{2}$/.test(line.slice(heading.length)))
  if (start === -1) return null
  const rest = lines.slice(start + 1)
  // The section ends at the next release heading or at the link references below the last section.
  const end = rest.findIndex(line => line.startsWith('## ') || /^\[[^\]]+\]: /.test(line))
  const body = (end === -1 ? rest : rest.slice(0, end)).join('\n').trim()
  return body === '' ? null : body
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const version = (process.argv[2] ?? '').replace(/^v/, '')
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'CHANGELOG.md')
  const notes = releaseNotes(fs.readFileSync(file, 'utf8'), version)
  if (notes === null) {
    process.stderr.write(`error: CHANGELOG.md has no section \`## [${version}] - YYYY-MM-DD\` with notes\n`)
    process.exitCode = 1
  } else {
    process.stdout.write(`${notes}\n`)
  }
}

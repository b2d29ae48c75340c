import fs from 'node:fs'
import path from 'node:path'

/** Writes `files` (paths relative to `root`, directories made as needed) and returns `root`. */
export function writeTree(root: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, file)
    fs.mkdirSync(path.dirname(full), { recursive: true })
    fs.writeFileSync(full, text)
  }
  return root
}

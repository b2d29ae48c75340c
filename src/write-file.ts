import fs from 'node:fs'
import path from 'node:path'

/**
 * Writes through a temporary file and a rename, so a reader never sees half a file. `text` may come in
 * chunks, so that a large report is never one string in memory.
 */
export function writeAtomically(file: string, text: string | Iterable<string>): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`)
  let fd: number | null = null
  try {
    fd = fs.openSync(tmp, 'w')
    for (const chunk of typeof text === 'string' ? [text] : text) fs.writeSync(fd, chunk)
    fs.closeSync(fd)
    fd = null
    fs.renameSync(tmp, file)
  } catch (error) {
    if (fd !== null) fs.closeSync(fd)
    fs.rmSync(tmp, { force: true })
    throw error
  }
}

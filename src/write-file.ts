import fs from 'node:fs'
import path from 'node:path'
import { UserError } from './errors.js'

const REASONS: Record<string, string> = {
  ENOTDIR: 'a part of its directory is a file',
  EEXIST: 'a part of its directory is a file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space is left on the device',
  EDQUOT: 'the disk quota is exceeded',
  ENAMETOOLONG: 'the name is too long'
}

/**
 * Writes through a temporary file and a rename, so a reader never sees half a file. `text` may come in
 * chunks, so that a large report is never one string in memory. A file that cannot be written is the
 * user's to fix: a one-line UserError naming the file and `name`, what the file is to the user (the input
 * `report-path`, the flag `--output`).
 */
export function writeAtomically(file: string, text: string | Iterable<string>, name: string): void {
  const absolute = path.resolve(file)
  const tmp = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${process.pid}.tmp`)
  let fd: number | null = null
  let created = false
  try {
    fs.mkdirSync(path.dirname(absolute), { recursive: true })
    fd = fs.openSync(tmp, 'w')
    created = true
    for (const chunk of typeof text === 'string' ? [text] : text) fs.writeSync(fd, chunk)
    fs.closeSync(fd)
    fd = null
    fs.renameSync(tmp, absolute)
  } catch (error) {
    if (fd !== null) fs.closeSync(fd)
    if (created) fs.rmSync(tmp, { force: true })
    const reason = REASONS[(error as NodeJS.ErrnoException).code ?? '']
    if (reason !== undefined) throw new UserError(`cannot write ${file} (${name}): ${reason}`)
    throw error
  }
}

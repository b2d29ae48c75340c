import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Tiny real file systems for the disk-full cases: a tmpfs of a few pages, mounted and unmounted by the test.
 * Needs root and a kernel that allows the mount; `noTmpfs` says why not, or is null.
 */
export const noTmpfs: string | null = (() => {
  if (process.platform !== 'linux') return 'tmpfs mounts need Linux'
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root'
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-tmpfs-probe-'))
  try {
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' })
    if (mounted.status !== 0) return `mount -t tmpfs failed: ${(mounted.stderr || mounted.error?.message || '').trim()}`
    spawnSync('umount', [dir])
    return null
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})()

/** Mounts a tmpfs of `size` (as mount's `size=`, e.g. `64k`) at a new directory; returns it and how to unmount. */
export function mountTmpfs(size: string): { dir: string; unmount(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-tmpfs-'))
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' })
  if (mounted.status !== 0) throw new Error(`mount -t tmpfs failed: ${mounted.stderr}`)
  return {
    dir,
    unmount() {
      spawnSync('umount', [dir])
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** Fills the file system of `dir` with a file until only `free` bytes (rounded to pages) are left. */
export function leaveFree(dir: string, free: number): void {
  const { bavail, bsize } = fs.statfsSync(dir)
  const fill = bavail * bsize - free
  if (fill > 0) fs.writeFileSync(path.join(dir, 'filler'), Buffer.alloc(fill))
}

export function freeBytes(dir: string): number {
  const { bavail, bsize } = fs.statfsSync(dir)
  return bavail * bsize
}

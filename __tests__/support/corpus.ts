import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Real `cargo metadata` outputs kept with the tests; `README.md` there says where each comes from. */
export const CORPUS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'metadata')

/** A file of the corpus. */
export function corpusFile(name: string): string {
  return path.join(CORPUS, name)
}

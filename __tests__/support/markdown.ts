/** Reading the project's markdown documentation in tests: code blocks, sections, headings and links. */

export function withoutCodeBlocks(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '')
}

/** Markdown without fenced code blocks and code spans, whose text is never a link. */
export function prose(markdown: string): string {
  return withoutCodeBlocks(markdown).replace(/`[^`\n]*`/g, '')
}

/** The lines of the fenced code blocks of `markdown` whose info string is `lang` (any, when empty). */
export function codeBlocks(markdown: string, lang = ''): string[] {
  return [...markdown.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].filter(m => lang === '' || m[1] === lang).map(m => m[2]!)
}

/** The body of a `## heading` section, up to the next `## `. */
export function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`)
  if (start < 0) return ''
  const next = markdown.indexOf('\n## ', start + 1)
  return markdown.slice(start, next < 0 ? undefined : next)
}

/** The anchor GitHub gives a heading: lowercase, punctuation dropped, spaces as hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-')
}

export function anchors(markdown: string): Set<string> {
  return new Set([...withoutCodeBlocks(markdown).matchAll(/^#{1,6} (.+)$/gm)].map(m => slug(m[1]!)))
}

/** The link targets in the prose of `markdown` (not in code), as written: `docs/x.md#anchor`, `https://…`. */
export function links(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map(m => m[1]!)
}

/** Whether a link target has a scheme (`https:`, `mailto:`), as opposed to a path in the repository. */
export function isAbsoluteLink(target: string): boolean {
  return /^[a-z]+:/i.test(target)
}

/** The relative link targets in the prose of `markdown`. */
export function relativeLinks(markdown: string): string[] {
  return links(markdown).filter(target => !isAbsoluteLink(target))
}

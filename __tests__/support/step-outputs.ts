import fs from 'node:fs'

/** The step outputs in a `GITHUB_OUTPUT` file: its `name<<delimiter`, value lines, `delimiter` records. */
export function readStepOutputs(file: string): Record<string, string> {
  return parseStepOutputs(fs.readFileSync(file, 'utf8'))
}

/** The step outputs in the text of a `GITHUB_OUTPUT` file. */
export function parseStepOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!)
    if (!m) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!)
    outputs[m[1]!] = value.join('\n')
  }
  return outputs
}

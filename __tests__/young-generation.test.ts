import { describe, expect, it } from '@jest/globals'
import { youngGenerationGrowth } from '../src/exec/young-generation.js'

describe("V8's young generation, sized by the metadata", () => {
  it('keeps its first size for metadata up to 8 MiB, grows as V8 grows it above, on node 20 only', () => {
    expect(youngGenerationGrowth(2_428_300, '20.20.2')).toBe(1)
    expect(youngGenerationGrowth(8 * 1024 * 1024, '20.0.0')).toBe(1)
    expect(youngGenerationGrowth(8 * 1024 * 1024 + 1, '20.0.0')).toBe(2)
    expect(youngGenerationGrowth(33_277_138, '20.20.2')).toBe(2)
    // Measured on node 20 alone: other runtimes keep their own policy.
    expect(youngGenerationGrowth(2_428_300, '22.12.0')).toBeNull()
    expect(youngGenerationGrowth(2_428_300, '24.1.0')).toBeNull()
  })
})

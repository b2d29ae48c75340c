import { describe, expect, it } from '@jest/globals'
import { withoutCodegenOption } from '../src/fixes/changes.js'

/** A flag fix drops a codegen option the way rustc reads the list, so that the model it verifies is what rustc gets. */
describe('withoutCodegenOption', () => {
  it('drops every spelling rustc reads as that option, and nothing else', () => {
    const flags = ['-C', 'prefer-dynamic', '-Cprefer_dynamic=yes', '--codegen', 'prefer-dynamic', '--codegen=prefer-dynamic', '-Copt-level=1', '-C', 'lto']
    expect(withoutCodegenOption(flags, 'prefer-dynamic')).toEqual(['-Copt-level=1', '-C', 'lto'])
    expect(withoutCodegenOption(flags, 'lto')).toEqual(flags.slice(0, 7))
  })

  it('leaves an option that shares its token with others, and a value that only looks like one', () => {
    expect(withoutCodegenOption(['-gCprefer-dynamic'], 'prefer-dynamic')).toEqual(['-gCprefer-dynamic'])
    expect(withoutCodegenOption(['--cfg', 'prefer-dynamic'], 'prefer-dynamic')).toEqual(['--cfg', 'prefer-dynamic'])
  })
})

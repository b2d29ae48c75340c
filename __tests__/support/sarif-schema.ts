/** Validation against the SARIF 2.1.0 JSON schema kept in `__tests__/data`, for tests and `npm run e2e`. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv2020Module from 'ajv/dist/2020.js'

// ajv is CommonJS: under NodeNext typing the default import is the whole module, whose `default` is the class.
const Ajv2020 = Ajv2020Module.default

// RFC 3986 URI and URI-reference, for the schema's `format` keywords (ajv itself ships no formats).
const PCT = '%[0-9A-Fa-f]{2}'
const PCHAR_NC = `(?:[A-Za-z0-9\\-._~!$&'()*+,;=@]|${PCT})`
const PCHAR = `(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|${PCT})`
const QUERY = `(?:${PCHAR}|[/?])*`
const AUTHORITY = `(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@\\[\\]]|${PCT})*`
const ABEMPTY = `(?:/${PCHAR}*)*`
const ABSOLUTE = `/(?:${PCHAR}+(?:/${PCHAR}*)*)?`
const TAIL = `(?:\\?${QUERY})?(?:#${QUERY})?`
const URI = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:(?://${AUTHORITY}${ABEMPTY}|${ABSOLUTE}|${PCHAR}+(?:/${PCHAR}*)*|)${TAIL}$`)
const RELATIVE_REF = new RegExp(`^(?://${AUTHORITY}${ABEMPTY}|${ABSOLUTE}|${PCHAR_NC}+(?:/${PCHAR}*)*|)${TAIL}$`)

const HERE = path.dirname(fileURLToPath(import.meta.url))
const SCHEMA: object = JSON.parse(readFileSync(path.join(HERE, '..', 'data', 'sarif-schema-2.1.0.json'), 'utf8'))
// ajv's default strictness; `strict: true` would add strictRequired, which the schema's `anyOf: [{ required }]` trips.
const ajv = new Ajv2020({ allErrors: true })
ajv.addFormat('uri', s => URI.test(s))
ajv.addFormat('uri-reference', s => URI.test(s) || RELATIVE_REF.test(s))
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i)
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
const validate = ajv.compile(SCHEMA)

/** Validates a SARIF log as an uploader would read it (after a JSON round trip); '' when valid, else ajv's errors. */
export function sarifSchemaErrors(log: unknown): string {
  const ok = validate(JSON.parse(JSON.stringify(log)))
  return ok ? '' : ajv.errorsText(validate.errors, { separator: '\n' })
}

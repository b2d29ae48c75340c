/**
 * The TOML reader's values other than strings, arrays and inline tables: booleans, integers (decimal,
 * hexadecimal, octal, binary), floats with `inf` and `nan`, and local or offset dates, times and date-times,
 * which are kept as their source text.
 */
import { CHAR, isDigit, isDigitOf } from './chars.js'
import type { TomlValue } from './document.js'
import { describe } from './messages.js'
import { StringReader } from './strings.js'

const { APOSTROPHE, COLON, DIGIT_0, DOT, MINUS, PLUS, QUOTE, SPACE, UNDERSCORE } = CHAR

const I64_MAX = '9223372036854775807'
const I64_MIN_ABS = '9223372036854775808'

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
  return day <= days
}

/** Seconds up to 60 for a leap second, as RFC 3339 allows. */
function isValidTime(hour: number, minute: number, second: number): boolean {
  return hour < 24 && minute < 60 && second <= 60
}

/** The string reader, reading every value other than an array or inline table too. */
export abstract class ScalarReader extends StringReader {
  /** Set by `digits`: digits read, whether underscores separated them, and their value when short and decimal. */
  private digitCount = 0
  private digitUnderscore = false
  private digitValue = 0

  /** A string, number, boolean or date-time at the current offset. */
  protected scalar(): TomlValue {
    const text = this.text
    const start = this.pos
    const c = text.charCodeAt(start)
    if (c === QUOTE) return this.tripleAt(start, QUOTE) ? this.multiLineString(QUOTE) : this.basicString(false)
    if (c === APOSTROPHE) return this.tripleAt(start, APOSTROPHE) ? this.multiLineString(APOSTROPHE) : this.literalString(false)
    if (isDigit(c)) return this.number(start, start)
    if (c === 0x74 /* t */ && text.startsWith('true', start)) {
      this.pos += 4
      return true
    }
    if (c === 0x66 /* f */ && text.startsWith('false', start)) {
      this.pos += 5
      return false
    }
    if (c === 0x69 /* i */ || c === 0x6e /* n */) return this.special(start, start)
    if (c === PLUS || c === MINUS) {
      const next = text.charCodeAt(start + 1)
      if (next === 0x69 || next === 0x6e) return this.special(start, start + 1)
      if (isDigit(next)) return this.number(start, start + 1)
      this.fail(start + 1, `expected a number after ${describe(c)}`)
    }
    this.fail(start, this.pos >= text.length ? 'expected a value' : `expected a value, found ${describe(c)}`)
  }

  /** `inf` or `nan` at `at`, after the sign (if any) at `start`. */
  private special(start: number, at: number): number {
    const text = this.text
    if (text.startsWith('inf', at)) {
      this.pos = at + 3
      return text.charCodeAt(start) === MINUS ? -Infinity : Infinity
    }
    if (text.startsWith('nan', at)) {
      this.pos = at + 3
      return NaN
    }
    this.fail(at, 'expected a value')
  }

  /**
   * Reads digits of `radix` (with single underscores between them) from `pos`; returns the offset after them
   * and sets `digitCount`, `digitUnderscore` and, for up to 15 decimal digits, `digitValue`.
   */
  private digits(pos: number, radix: number): number {
    const text = this.text
    let c = text.charCodeAt(pos)
    if (c === UNDERSCORE) this.fail(pos, 'an underscore must be between two digits')
    if (!isDigitOf(c, radix)) this.fail(pos, pos >= text.length ? 'expected a digit' : `expected a digit, found ${describe(c)}`)
    let count = 0
    let value = 0
    let underscore = false
    let before = 0
    for (; isDigitOf(c, radix) || c === UNDERSCORE; c = text.charCodeAt(++pos)) {
      if (c === UNDERSCORE) {
        if (before === UNDERSCORE) this.fail(pos, 'an underscore must be between two digits')
        underscore = true
      } else {
        count++
        value = value * 10 + (c - DIGIT_0)
      }
      before = c
    }
    if (before === UNDERSCORE) this.fail(pos, 'an underscore must be between two digits')
    this.digitCount = count
    this.digitUnderscore = underscore
    this.digitValue = value
    return pos
  }

  /** A number, date or time starting at `start`, whose first digit is at `at` (after a sign). */
  private number(start: number, at: number): TomlValue {
    const text = this.text
    const signed = at !== start
    if (text.charCodeAt(at) === DIGIT_0) {
      const next = text.charCodeAt(at + 1)
      if (!signed && isDigit(next)) {
        // Only a time or a date may start with 0 and another digit.
        const third = text.charCodeAt(at + 2)
        if (third === COLON) return this.minute(start, false, Number(text.slice(at, at + 2)), at + 3)
        if (isDigit(third) && isDigit(text.charCodeAt(at + 3)) && text.charCodeAt(at + 4) === MINUS) return this.date(start, Number(text.slice(at, at + 4)), at + 5)
        this.fail(at, 'a number may not start with a leading zero')
      }
      if (next === 0x78 /* x */ || next === 0x6f /* o */ || next === 0x62 /* b */) {
        if (signed) this.fail(at + 1, 'a hexadecimal, octal or binary integer may not have a sign')
        return this.radixInteger(start, at + 2, next === 0x78 ? 16 : next === 0x6f ? 8 : 2)
      }
      if (next === 0x65 /* e */ || next === 0x45 /* E */) return this.exponent(start, at + 2)
      if (next === DOT) return this.fraction(start, at + 2)
      this.pos = at + 1
      return 0
    }
    const end = this.digits(at, 10)
    const next = text.charCodeAt(end)
    if (!signed && !this.digitUnderscore) {
      if (next === MINUS && this.digitCount === 4) return this.date(start, Number(text.slice(at, end)), end + 1)
      if (next === COLON && this.digitCount === 2) return this.minute(start, false, Number(text.slice(at, end)), end + 1)
    }
    if (next === 0x65 || next === 0x45) return this.exponent(start, end + 1)
    if (next === DOT) return this.fraction(start, end + 1)
    this.pos = end
    const count = this.digitCount
    const negative = text.charCodeAt(start) === MINUS
    if (count <= 15) return negative ? -this.digitValue : this.digitValue
    const digits = text.slice(at, end).replace(/_/g, '')
    if (count > 19 || (count === 19 && digits > (negative ? I64_MIN_ABS : I64_MAX))) this.fail(start, 'the integer does not fit in 64 bits')
    // As toml-eslint-parser read it: integers beyond 2^53 lose precision.
    return parseInt(negative ? `-${digits}` : digits, 10)
  }

  private radixInteger(start: number, at: number, radix: number): number {
    const end = this.digits(at, radix)
    this.pos = end
    const digits = this.text.slice(at, end).replace(/_/g, '')
    const significant = digits.replace(/^0+/, '')
    // 2^63 - 1 is 7fffffffffffffff, 777777777777777777777 and 63 ones.
    const fits = radix === 16 ? significant.length < 16 || (significant.length === 16 && significant[0]! <= '7') : significant.length <= (radix === 8 ? 21 : 63)
    if (!fits) this.fail(start, 'the integer does not fit in 64 bits')
    return parseInt(digits, radix)
  }

  /** The digits after the `.` of a float, at `at`. */
  private fraction(start: number, at: number): number {
    const end = this.digits(at, 10)
    const next = this.text.charCodeAt(end)
    if (next === 0x65 || next === 0x45) return this.exponent(start, end + 1)
    return this.float(start, end)
  }

  /** The exponent of a float, after its `e` at `at`. */
  private exponent(start: number, at: number): number {
    const c = this.text.charCodeAt(at)
    return this.float(start, this.digits(c === PLUS || c === MINUS ? at + 1 : at, 10))
  }

  private float(start: number, end: number): number {
    this.pos = end
    let source = this.text.slice(start, end)
    if (source.includes('_')) source = source.replace(/_/g, '')
    const value = Number(source)
    if (!Number.isFinite(value)) this.fail(start, 'the float is too large for 64 bits')
    return value
  }

  // ---- Dates and times -------------------------------------------------------------------------------

  /** Two digits at `at`, as a number. */
  private twoDigits(at: number): number {
    const text = this.text
    const first = text.charCodeAt(at)
    if (!isDigit(first)) this.fail(at, 'expected a digit in the date-time')
    const second = text.charCodeAt(at + 1)
    if (!isDigit(second)) this.fail(at + 1, 'expected a digit in the date-time')
    return (first - DIGIT_0) * 10 + (second - DIGIT_0)
  }

  private expect(at: number, c: number): void {
    if (this.text.charCodeAt(at) !== c) this.fail(at, `expected ${describe(c)} in the date-time`)
  }

  /** A date-time is kept as its source text, from `start`. `at` is the first digit of the month. */
  private date(start: number, year: number, at: number): string {
    const text = this.text
    const month = this.twoDigits(at)
    this.expect(at + 2, MINUS)
    const day = this.twoDigits(at + 3)
    if (!isValidDate(year, month, day)) this.fail(at + 4, 'not a date in the calendar')
    const end = at + 5
    const c = text.charCodeAt(end)
    if (c === 0x54 /* T */ || c === 0x74 /* t */ || (c === SPACE && isDigit(text.charCodeAt(end + 1)) && isDigit(text.charCodeAt(end + 2)))) {
      const hour = this.twoDigits(end + 1)
      this.expect(end + 3, COLON)
      return this.minute(start, true, hour, end + 4)
    }
    this.pos = end
    return text.slice(start, end)
  }

  /** The minutes (at `at`) and what follows of a time whose hour is read. */
  private minute(start: number, hasDate: boolean, hour: number, at: number): string {
    const text = this.text
    const minute = this.twoDigits(at)
    let end = at + 2
    if (text.charCodeAt(end) === COLON) {
      const second = this.twoDigits(end + 1)
      if (!isValidTime(hour, minute, second)) this.fail(end + 2, 'not a valid time of day')
      end += 3
      if (text.charCodeAt(end) === DOT) {
        end++
        if (!isDigit(text.charCodeAt(end))) this.fail(end, 'expected a digit in the date-time')
        while (isDigit(text.charCodeAt(end))) end++
      }
    } else if (!isValidTime(hour, minute, 0)) {
      this.fail(end, 'not a valid time of day')
    }
    if (hasDate) {
      const c = text.charCodeAt(end)
      if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
        end++
      } else if (c === PLUS || c === MINUS) {
        const hours = this.twoDigits(end + 1)
        this.expect(end + 3, COLON)
        const minutes = this.twoDigits(end + 4)
        if (!isValidTime(hours, minutes, 0)) this.fail(end + 5, 'not a valid time offset')
        end += 6
      }
    }
    this.pos = end
    return text.slice(start, end)
  }
}

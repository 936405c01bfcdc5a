// Load, block reader: the character codes it compares (UTF-16 code units, as `charCodeAt` returns them). A `const
// enum`: the compiler writes each code as its number where it is used. Constants imported from another module (and
// the small tests beside them) made the first pass over the académie corpus 40 % slower (0.66 s against 0.47 s of
// CPU, before the reader's functions are optimised): the reader's tests stay in reader.ts, the numbers here.

export const enum Ch {
  LF = 10,
  CR = 13,
  SPACE = 32,
  BANG = 33, // !
  DQUOTE = 34, // "
  HASH = 35, // #
  PERCENT = 37, // %
  AMPERSAND = 38, // &
  SQUOTE = 39, // '
  ASTERISK = 42, // *
  COMMA = 44, // ,
  DASH = 45, // -
  DOT = 46, // .
  DIGIT_0 = 48,
  DIGIT_9 = 57,
  COLON = 58, // :
  GREATER = 62, // >
  QUESTION = 63, // ?
  AT = 64, // @
  UPPER_A = 65,
  UPPER_F = 70,
  UPPER_N = 78,
  UPPER_T = 84,
  UPPER_Z = 90,
  LBRACKET = 91, // [
  BACKSLASH = 92, // \
  RBRACKET = 93, // ]
  BACKTICK = 96, // `
  LOWER_A = 97,
  LOWER_F = 102,
  LOWER_N = 110,
  LOWER_T = 116,
  LOWER_Z = 122,
  LBRACE = 123, // {
  PIPE = 124, // |
  RBRACE = 125, // }
  /** The last ASCII code: above it, a character is a letter or a symbol of another script, never YAML syntax. */
  ASCII_LAST = 127,
}

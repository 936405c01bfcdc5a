// Load: YAML 1.2 core schema resolution of plain scalars (the same table the reference parser applies).

const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOL_TRUE = /^(?:true|True|TRUE)$/;
const BOOL_FALSE = /^(?:false|False|FALSE)$/;
const INT_DEC = /^[-+]?[0-9]+$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** The JS value of a plain (unquoted, non-block) scalar under the YAML 1.2 core schema. */
export function resolvePlain(s: string): unknown {
  if (NULL.test(s)) return null;
  if (BOOL_TRUE.test(s)) return true;
  if (BOOL_FALSE.test(s)) return false;
  // Integers beyond 2^53 lose precision, as with the reference parser: a Number, never a BigInt.
  if (INT_DEC.test(s)) return Number(s);
  if (INT_OCT.test(s)) return parseInt(s.slice(2), 8);
  if (INT_HEX.test(s)) return parseInt(s.slice(2), 16);
  if (FLOAT.test(s)) return Number(s);
  if (INF.test(s)) return s.startsWith("-") ? -Infinity : Infinity;
  if (NAN.test(s)) return NaN;
  return s;
}

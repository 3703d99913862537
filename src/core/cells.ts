// Spreadsheet cells from input text: one guard for every CSV and XLSX the
// tool writes (checklist, questionnaire, RoPA, status), and the reader that
// undoes it for answers given back.

/**
 * What a spreadsheet may skip before it looks for a formula: whitespace
 * (including no-break and ideographic spaces), control and format characters
 * (zero-width space, byte order mark, bidi marks).
 */
const SKIPPED = String.raw`[\s\p{Cc}\p{Cf}\u3000]`;
/** What starts a formula (OWASP CSV injection), with the full-width and small forms some spreadsheets fold to them. */
const FORMULA_SIGNS = String.raw`[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]`;
const FORMULA_START = new RegExp(`^(?:${SKIPPED}*${FORMULA_SIGNS}|[\\t\\r])`, 'u');

/** Whether a spreadsheet program could read this text, typed into a cell, as a formula. */
export function readsAsFormula(value: string): boolean {
  const first = value.charCodeAt(0) | 0x20; // ASCII letters to lower case
  // most cells start with a letter or digit: no formula
  if ((first >= 0x61 && first <= 0x7a) || (value.charCodeAt(0) >= 0x30 && value.charCodeAt(0) <= 0x39)) return false;
  return FORMULA_START.test(value);
}

/** A cell a spreadsheet reads as text: a leading single quote before anything that could start a formula. */
export function neutralizeCell(value: string): string {
  return readsAsFormula(value) ? `'${value}` : value;
}

/** A cell read back from a spreadsheet the tool wrote: the guard's quote removed. */
export function unneutralize(text: string): string {
  return text.startsWith("'") && readsAsFormula(text.slice(1)) ? text.slice(1) : text;
}

/** The most characters one Excel cell holds. */
export const EXCEL_CELL_LIMIT = 32_767;

/**
 * A cell cut to Excel's limit, with a visible marker of what was cut: Excel
 * refuses a longer cell (or truncates it silently on import).
 */
export function fitExcelCell(value: string): string {
  if (value.length <= EXCEL_CELL_LIMIT) return value;
  const marker = (cut: number) => ` […cut: ${cut} more characters; the JSON or CSV output has the full text]`;
  // as much text as leaves room for the marker, whose count shrinks as more is kept
  let keep = EXCEL_CELL_LIMIT - marker(value.length).length;
  while (keep + 1 + marker(value.length - keep - 1).length <= EXCEL_CELL_LIMIT) keep++;
  // never split a surrogate pair
  if (/[\uD800-\uDBFF]/.test(value.charAt(keep - 1))) keep--;
  return value.slice(0, keep) + marker(value.length - keep);
}

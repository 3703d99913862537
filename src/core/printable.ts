// Values echoed to a terminal (messages, Markdown on stdout) come from the
// input: an ANSI escape, a carriage return or a bidi override in a name must
// be seen, not obeyed. Pure: text in, text out.

/**
 * C0 and C1 controls, DEL, the line and paragraph separators, and the
 * bidirectional overrides and isolates (which reorder what a terminal shows).
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNPRINTABLE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One character as an escape a reader recognises: \n, \r, \t, \x1b, \u202e. */
export function escapeControl(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of text with every control character shown as an escape (newlines too: a value cannot forge a line). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escapeControl);
}

/** Text of several lines (help, usage) with every other control character shown as an escape. */
export function printableLines(text: string): string {
  return text.replace(UNPRINTABLE_BUT_NEWLINE, escapeControl);
}

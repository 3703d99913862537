// Text from the input (names, answers, notes, owners, rule texts) as it goes
// into Markdown: read as text by every renderer, never as markup. A value
// stays on its line (no heading, list or fence from a newline), opens no
// HTML, link, image, emphasis or table cell, and shows its control
// characters as escapes (Markdown is also read in terminals).
import { escapeControl } from '../core/printable.js';

const LINE_BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** Characters that open inline markup anywhere: escapes, code, emphasis, table cells, strikethrough. */
const INLINE = /[\\`*|~]/g;
/**
 * Links and images need `](` or `][` (a reference needs a definition, which
 * needs a line of its own); raw HTML and autolinks need `<` before a letter,
 * `/`, `!` or `?`. Text like "a < b" or "vendors[payments]" stays as it is.
 */
const LINK_OR_TAG = /\](?=[(\[:])|<(?=[A-Za-z/!?])/g;
/** `_` opens emphasis only at a word's edge (CommonMark leaves snake_case alone). */
const UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/**
 * GFM links bare URLs: a scheme's `://` and a leading `www.` are broken by an
 * escape (the text reads the same). An e-mail address stays a mailto link.
 */
const BARE_URL = /:(?=\/\/)|(?<=www)\.(?=[^\s.])/gi;
const NOTHING = /(?!)/g;
/** `&` opens an entity (`&lt;`) only before a name or number and a semicolon. */
const ENTITY = /&(?=#?[0-9A-Za-z]+;)/g;
/**
 * What opens a block when first on a line: a heading, a quote, a list item,
 * a thematic break or setext underline, an ordered list item, a link
 * definition. Each is escaped only where it would be one ("-5" and "0.5" stay).
 */
const BLOCK_START = /^([ \t]*)(?:(#{1,6}(?=[ \t]|$)|>|[-+=](?=[ \t\-+=]|$)|\[(?=[^\]]*\]:))|(\d{1,9})(?=[.)](?:[ \t]|$)))/;

/** Whether any of the above could apply: a superset of their triggers. */
const NEEDS_ESCAPING =
  /[\\`*|~\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\](?=[(\[:])|<[A-Za-z/!?]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|&#?[0-9A-Za-z]+;|:\/\/|www\.|^[ \t]*(?:[#>[]|[-+=](?:[ \t\-+=]|$)|\d{1,9}[.)])/iu;

/**
 * Text for inline Markdown: one line, no markup from the value. `linkBareUrls`
 * leaves GFM to link a bare http(s) URL, which shows its own address (the
 * rule docs, whose notes cite their sources so).
 */
export function markdownText(value: string, options: { linkBareUrls?: boolean } = {}): string {
  // most values (ids, names, sentences) need nothing: one test instead of eight replaces
  if (!NEEDS_ESCAPING.test(value)) return value;
  let text = value
    .replace(LINE_BREAKS, ' ')
    .replace(INLINE, '\\$&')
    .replace(LINK_OR_TAG, '\\$&')
    .replace(UNDERSCORE, '\\_')
    .replace(ENTITY, '\\&')
    .replace(options.linkBareUrls ? NOTHING : BARE_URL, '\\$&')
    .replace(CONTROLS, escapeControl);
  // A value may be first on its line: no block from its first character.
  text = text.replace(BLOCK_START, (_, space: string, mark: string | undefined, digits: string | undefined) =>
    digits !== undefined ? `${space}${digits}\\` : `${space}\\${mark}`,
  );
  return text;
}

/**
 * Text inside a code span the template opens and closes: backslashes show as
 * typed there, so only what would close the span or break the line or table
 * is changed (a backtick becomes an apostrophe; a pipe is escaped, which GFM
 * tables undo).
 */
export function markdownCode(value: string): string {
  return value.replace(LINE_BREAKS, ' ').replace(/`/g, "'").replace(/\|/g, '\\|').replace(CONTROLS, escapeControl);
}

/** A link destination: only an https or http URL, with what could end the destination percent-encoded; otherwise none. */
export function markdownUrl(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\/[^\s\u0000-\u001f\u007f-\u009f]+$/i.test(url)) return null;
  return url.replace(/[()<>\\`"' |[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

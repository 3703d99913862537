// The columns of every questionnaire table: what the CSV and XLSX writers put
// out and what the answers reader looks for when a filled questionnaire comes back.

/** The question columns of every questionnaire table, in order. `key` is what readers look for. */
export const QUESTION_COLUMNS = [
  { key: 'question-id', header: 'Question id', width: 24 },
  { key: 'question', header: 'Question', width: 60 },
  { key: 'why', header: 'Why we ask (laws)', width: 34 },
  { key: 'citations', header: 'Citations', width: 30 },
  { key: 'evidence', header: 'Evidence expected', width: 44 },
  { key: 'answer', header: 'Answer', width: 40 },
  { key: 'notes', header: 'Notes', width: 30 },
] as const;

/** CSV puts every vendor in one table, so it leads with the vendor. */
export const VENDOR_COLUMNS = [
  { key: 'vendor-id', header: 'Vendor id', width: 16 },
  { key: 'vendor', header: 'Vendor', width: 24 },
] as const;

export type ColumnKey = (typeof QUESTION_COLUMNS)[number]['key'] | (typeof VENDOR_COLUMNS)[number]['key'];

/** Headers as written, so readers can find columns by header text. */
export const HEADER_TO_KEY: ReadonlyMap<string, ColumnKey> = new Map([...VENDOR_COLUMNS, ...QUESTION_COLUMNS].map((c) => [c.header.toLowerCase(), c.key]));

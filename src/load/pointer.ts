// JSON pointers (RFC 6901), as ajv reports where a value is wrong.

/** The keys of a JSON pointer, unescaped: /items/eu-gdpr~1dpo/status → items, eu-gdpr/dpo, status. */
export function pointerKeys(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'));
}

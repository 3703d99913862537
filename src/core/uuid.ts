// Name-based UUIDs (RFC 4122 version 5, SHA-1): the same name always gives
// the same UUID, so exports that carry UUIDs are byte-identical across runs.
// node:crypto's hash is a pure computation (no I/O, no clock).
import { createHash } from 'node:crypto';

/** The namespace for every UUID complyflow derives (itself v5 of the URL namespace and "https://complyflow.dev/"). */
export const COMPLYFLOW_NAMESPACE = '3a12b648-0cf4-5cdd-9dbe-c1188a4a763b';

function parse(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

function format(bytes: Uint8Array): string {
  const h = Buffer.from(bytes).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** RFC 4122 §4.3: SHA-1 of namespace bytes then name bytes (UTF-8), version 5, variant 10. */
export function uuidV5(name: string, namespace: string = COMPLYFLOW_NAMESPACE): string {
  const hash = createHash('sha1').update(parse(namespace)).update(Buffer.from(name, 'utf8')).digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return format(bytes);
}

// Where the package's own data lives (schemas, rule packs, taxonomies, templates),
// whether running from dist/ or from src/ under the test runner.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}

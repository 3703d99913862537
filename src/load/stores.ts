// The app-store mappings (stores/*.yaml): read and checked against
// schemas/store-mapping.schema.json, then against the taxonomy (every category
// and use a mapping names must exist), so a typo is an error, not a silent gap.
import type { Issue } from '../core/types.js';
import type { StoreId, StoreMapping } from '../core/stores.js';
import type { Taxonomy } from '../core/taxonomy.js';
import { InputError } from '../errors.js';
import { packagePath } from './paths.js';
import { readYaml } from './read.js';

export const STORE_FILES: Readonly<Record<StoreId, string>> = { play: 'google-play.yaml', apple: 'apple.yaml' };

export function storeMappingFile(store: StoreId): string {
  return packagePath('stores', STORE_FILES[store]);
}

/** One store's mapping with every issue (schema, unknown taxonomy keys, wrong store). */
export function loadStoreMapping(store: StoreId, tax: Taxonomy, file = storeMappingFile(store)): { mapping?: StoreMapping; issues: Issue[] } {
  const r = readYaml<StoreMapping>(file, 'store-mapping');
  if (!r.value) return { issues: r.issues };
  const m = r.value;
  const issues: Issue[] = [];
  const at = (pointer: string, message: string): void => {
    const loc = r.parsed?.locate(pointer);
    issues.push({ file, pointer, message, ...(loc ?? {}) });
  };
  if (m.store !== store) at('/store', `is "${m.store}", expected "${store}"`);
  m.dataTypes.forEach((t, i) =>
    t.categories.forEach((c, j) => {
      if (!tax.categoryKeys.has(c)) at(`/dataTypes/${i}/categories/${j}`, `"${c}" is not a data category of taxonomy/data-categories.yaml`);
    }),
  );
  m.purposes.forEach((p, i) =>
    p.uses.forEach((u, j) => {
      if (!tax.useKeys.has(u)) at(`/purposes/${i}/uses/${j}`, `"${u}" is not a data use of taxonomy/data-uses.yaml`);
    }),
  );
  for (const key of ['legalUses', 'trackingUses'] as const)
    (m[key] ?? []).forEach((u, j) => {
      if (!tax.useKeys.has(u)) at(`/${key}/${j}`, `"${u}" is not a data use of taxonomy/data-uses.yaml`);
    });
  m.dataTypes.forEach((t, i) =>
    (t.confirmFor ?? []).forEach((c, j) => {
      if (!t.categories.includes(c)) at(`/dataTypes/${i}/confirmFor/${j}`, `"${c}" is not one of this data type's categories`);
    }),
  );
  m.purposes.forEach((p, i) =>
    (p.confirmFor ?? []).forEach((u, j) => {
      if (!p.uses.includes(u)) at(`/purposes/${i}/confirmFor/${j}`, `"${u}" is not one of this purpose's uses`);
    }),
  );
  return issues.length ? { issues } : { mapping: m, issues };
}

/** The mappings of these stores, failing with every issue. */
export function requireStoreMappings(stores: readonly StoreId[], tax: Taxonomy): StoreMapping[] {
  const out: StoreMapping[] = [];
  const issues: Issue[] = [];
  for (const s of stores) {
    const r = loadStoreMapping(s, tax);
    if (r.mapping) out.push(r.mapping);
    issues.push(...r.issues);
  }
  if (issues.length) throw new InputError(issues, 'the app-store mapping has problems');
  return out;
}

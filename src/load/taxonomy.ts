import { readFileSync } from 'node:fs';
import { yamlLib } from './yaml-lib.js';
import { Taxonomy } from '../core/taxonomy.js';
import type { FeatureEntry, MarketEntry, TaxonomyEntry } from '../core/types.js';
import { packagePath } from './paths.js';

let cached: Taxonomy | undefined;

function read<T>(name: string, key: string): T {
  return (yamlLib().parse(readFileSync(packagePath('taxonomy', name), 'utf8')) as Record<string, T>)[key]!;
}

/** Use an already-loaded taxonomy (from the library bundle) for the rest of the run. */
export function useTaxonomy(tax: Taxonomy): Taxonomy {
  cached ??= tax;
  return cached;
}

/** The taxonomies shipped with complyflow (data files under taxonomy/). */
export function loadTaxonomy(): Taxonomy {
  if (!cached) {
    const m = yamlLib().parse(readFileSync(packagePath('taxonomy', 'markets.yaml'), 'utf8')) as {
      groups: MarketEntry[];
      countries: MarketEntry[];
      subdivisions: MarketEntry[];
    };
    cached = new Taxonomy({
      categories: read<TaxonomyEntry[]>('data-categories.yaml', 'categories'),
      uses: read<TaxonomyEntry[]>('data-uses.yaml', 'uses'),
      features: read<FeatureEntry[]>('features.yaml', 'features'),
      subjects: read<TaxonomyEntry[]>('data-subjects.yaml', 'subjects'),
      services: read<TaxonomyEntry[]>('vendor-services.yaml', 'services'),
      roles: read<TaxonomyEntry[]>('vendor-roles.yaml', 'roles'),
      markets: [...m.groups, ...m.countries, ...m.subdivisions],
    });
  }
  return cached;
}

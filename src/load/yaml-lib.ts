// `yaml` loaded when first needed. Most runs never need it: a valid flow is
// read by js-yaml (see yaml.ts) and the rule library comes from its bundle,
// while loading `yaml`'s eighty modules took a tenth of a small check's time.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

type YamlLib = typeof Yaml;
const require = createRequire(import.meta.url);
let lib: YamlLib | undefined;

export function yamlLib(): YamlLib {
  return (lib ??= require('yaml') as YamlLib);
}

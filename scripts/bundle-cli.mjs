// The command line as one module graph in dist/bundle: Node resolves, reads and
// links each ES module separately, and the hundred-odd files of dist/ took a
// third of a small check's time to load. The packages it uses stay outside
// (loaded from node_modules as usual); only complyflow's own modules are joined.
// dist/ keeps every module as tsc wrote it, for the library API and the tests.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'bundle');
const isPackage = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

rmSync(out, { recursive: true, force: true });
const build = await rolldown({ input: join(root, 'dist', 'cli', 'main.js'), platform: 'node', external: isPackage, logLevel: 'warn' });
// At the same depth as dist/cli, so paths made from import.meta.url (the package root, the precompiled validators) still hold.
await build.write({ dir: out, format: 'esm' });
await build.close();

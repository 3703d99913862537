#!/usr/bin/env node
// The only place that touches process exit state. `--version` answers before
// loading anything else, so scripts that probe the tool stay fast.
import { readFileSync } from 'node:fs';
import type * as Cli from './main.js';

const argv = process.argv.slice(2);
// A reader that stops early (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  process.stdout.write(pkg.version + '\n');
} else {
  // The command line bundled at build time (scripts/bundle-cli.mjs), loading in a fraction of the time
  // of its modules one by one; the modules themselves if it was not built (tsc alone).
  const cli: Promise<typeof Cli> = import('../bundle/main.js' as string).catch((e: NodeJS.ErrnoException) =>
    e.code === 'ERR_MODULE_NOT_FOUND' ? import('./main.js') : Promise.reject(e),
  );
  // A signal ends the run (130, 143, as shells report it) without leaving a temporary file behind.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    process.on(signal, () => {
      void cli.then(({ removeTemporaryFiles }) => {
        removeTemporaryFiles();
        process.exit(code);
      });
    });
  cli
    .then(({ main }) => main(argv))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (e: unknown) => {
        process.stderr.write(`complyflow: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 3;
      },
    );
}

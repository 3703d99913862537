#!/usr/bin/env node
// The only place that touches process exit state. `--version` answers before
// loading anything else, so scripts that probe the tool stay fast.
import { readFileSync } from 'node:fs';

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
  // A signal ends the run (130, 143, as shells report it) without leaving a temporary file behind.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    process.on(signal, () => {
      void import('./io.js').then(({ removeTemporaryFiles }) => {
        removeTemporaryFiles();
        process.exit(code);
      });
    });
  import('./main.js')
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

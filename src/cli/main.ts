// The command line: parse, call the library, write, and return an exit code
// from one place. Nothing here exits the process; bin.ts does that.
import { Command, CommanderError, Option } from 'commander';
import { ExitError, InputError, UsageError, EXIT } from '../errors.js';
import { formatIssue, processIo, type Io } from './io.js';
import { printable, printableLines } from '../core/printable.js';
import { toolVersion } from '../library.js';
import { forgetInputs } from '../load/read.js';
import { MAX_SHOWN_ISSUES } from './issues.js';
import { registerCheck } from './commands/check.js';
import { registerValidate } from './commands/validate.js';
import { registerInit } from './commands/init.js';
import { registerRules } from './commands/rules.js';
import { registerQuestions } from './commands/questions.js';
import { registerStatus } from './commands/status.js';
import { registerRopa } from './commands/ropa.js';
import { registerDiff } from './commands/diff.js';
import { registerStores } from './commands/stores.js';

// bin.ts removes the temporary files of this module graph (the bundle's own copy of io.js) when a signal ends the run.
export { removeTemporaryFiles } from './io.js';
export interface Context {
  io: Io;
  debug: boolean;
}

function program(ctx: Context): Command {
  const p = new Command('complyflow')
    .description("Turn a game's personal-data flows into per-market privacy checklists and vendor questionnaires. Not legal advice.")
    .version(toolVersion(), '-V, --version')
    .addOption(new Option('--debug', 'show stack traces for internal errors'))
    .showHelpAfterError('(run complyflow --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(printableLines(s)) });
  registerInit(p, ctx);
  registerValidate(p, ctx);
  registerCheck(p, ctx);
  registerQuestions(p, ctx);
  registerRules(p, ctx);
  registerStatus(p, ctx);
  registerRopa(p, ctx);
  registerDiff(p, ctx);
  registerStores(p, ctx);
  for (const c of p.commands) c.exitOverride().configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(printableLines(s)) });
  return p;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const ctx: Context = { io, debug: argv.includes('--debug') };
  forgetInputs();
  let code: number = EXIT.ok;
  try {
    await program(ctx).parseAsync(argv, { from: 'user' });
  } catch (e) {
    code = handle(e, ctx);
  }
  return code;
}

function handle(e: unknown, ctx: Context): number {
  const { io } = ctx;
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    return EXIT.input; // commander already printed the message
  }
  if (e instanceof ExitError) {
    if (e.message) io.stderr(printableLines(e.message) + '\n');
    return e.code;
  }
  if (e instanceof InputError) {
    for (const issue of e.issues.slice(0, MAX_SHOWN_ISSUES)) io.stderr(formatIssue(issue, io.cwd) + '\n');
    if (e.issues.length > MAX_SHOWN_ISSUES) io.stderr(`… and ${(e.issues.length - MAX_SHOWN_ISSUES).toLocaleString('en-US')} more\n`);
    io.stderr(`complyflow: ${printable(e.message)}\n`);
    return EXIT.input;
  }
  if (e instanceof UsageError) {
    io.stderr(`complyflow: ${printable(e.message)}\n`);
    return EXIT.input;
  }
  // Strings stop at about 512 MiB in V8: an output past that is too large, not a bug to report.
  if (e instanceof RangeError && /Invalid string length|Array buffer allocation failed/.test(e.message)) {
    io.stderr('complyflow: the output is too large to make in memory (past 512 MiB of text); write JSON, or check fewer markets or a smaller flow\n');
    return EXIT.input;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  io.stderr(
    `complyflow: internal error: ${printable(err.message)}\n` +
      'This is a bug in complyflow, not in your input. Please report it with the command you ran' +
      (ctx.debug ? '.\n' : ' and the output of the same command with --debug.\n'),
  );
  if (ctx.debug && err.stack) io.stderr(err.stack + '\n');
  return EXIT.internal;
}

import type { Command } from 'commander';
import type { Context } from '../main.js';
import { loadFlow } from '../../load/flow.js';
import { loadTaxonomy } from '../../load/taxonomy.js';
import type { Flow, Issue } from '../../core/types.js';
import { ExitError, EXIT, InputError } from '../../errors.js';
import { formatIssue, resolveFrom, shownFile } from '../io.js';
import { parseFormat } from '../options.js';
import { printableLines } from '../../core/printable.js';
import { jsonText } from '../../render/json.js';

/** How problems are reported: for people, for programs, or as GitHub Actions annotations on the flow file. */
export const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;

export function registerValidate(program: Command, ctx: Context): void {
  program
    .command('validate')
    .description('check a flow description; every problem, with line and column')
    .argument('<flow>', 'the game flow description (YAML)')
    .option('--format <format>', `text, json (for programs) or github (annotations in a GitHub Actions run)`)
    .action((flowFile: string, opts: { format?: string }) => {
      const { io } = ctx;
      const format = parseFormat(opts.format, VALIDATE_FORMATS, 'text');
      const { flow, issues } = loadFlow(resolveFrom(io, flowFile), loadTaxonomy());
      if (format === 'text') {
        if (!flow) throw new InputError(issues);
        io.stdout(`${flowFile}: valid (${summary(flow).join(', ')})\n`);
        return;
      }
      if (format === 'json') {
        const shown = issues.map((i) => ({ ...i, file: shownFile(i.file, io.cwd), text: formatIssue(i, io.cwd) }));
        io.stdout(jsonText({ file: flowFile, valid: flow !== undefined, issues: shown }));
      } else for (const issue of issues) io.stdout(`${annotation(issue, io.cwd)}\n`);
      // The problems went to stdout, in the form asked for; the exit code still says the input is bad.
      if (!flow) throw new ExitError(EXIT.input);
    });
}

function summary(flow: Flow): string[] {
  return [
    count(flow.data.length, 'data element'),
    count(flow.purposes.length, 'purpose'),
    count(flow.vendors.length, 'vendor'),
    // only a group says it has affiliates: most flows have none
    ...(flow.affiliates?.length ? [count(flow.affiliates.length, 'affiliate')] : []),
    count(flow.flows.length, 'flow'),
    count(flow.markets.length, 'market'),
  ];
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * A GitHub Actions workflow command that marks the problem on the file's line
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-an-error-message).
 */
export function annotation(issue: Issue, cwd: string): string {
  const data = (s: string) => printableLines(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const where = [`file=${property(shownFile(issue.file, cwd))}`];
  if (issue.line !== undefined) where.push(`line=${issue.line}`, `col=${issue.column ?? 1}`);
  where.push('title=complyflow');
  return `::error ${where.join(',')}::${data(issue.hint ? `${issue.message} (${issue.hint})` : issue.message)}`;
}

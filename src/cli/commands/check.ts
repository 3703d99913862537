import type { Command } from 'commander';
import type { Context } from '../main.js';
import { check, requireFlow, requireLibrary } from '../../library.js';
import { CHECK_FORMATS } from '../../render/formats.js';
import { parseAsOf, parseFormat, parseMarkets, requireOffered, parseSeverity } from '../options.js';
import { emit, outputText, requireOutFor, resolveFrom } from '../io.js';
import { ExitError, EXIT, UsageError } from '../../errors.js';
import { SEVERITIES, type Report } from '../../core/types.js';
import { uncoveredSentence } from '../../core/coverage.js';
import { releaseGate } from '../../core/gate.js';
import { didYouMean } from '../../core/suggest.js';
import { MAX_SHOWN_ISSUES } from '../issues.js';
import { printable } from '../../core/printable.js';
import { jsonText } from '../../render/json.js';

/** How many failing items `--fail-on` names before "and N more". */
const MAX_SHOWN_GATE_ITEMS = 50;

interface CheckOpts {
  market?: string[];
  format?: string;
  out?: string;
  asOf?: string;
  status?: string;
  failOn?: string;
  view?: string;
  allowUncovered?: boolean;
  rules?: string[];
  answers?: string;
}

/** `--view`: the whole checklist, or the work plan alone (in the formats that can hold it alone). */
function parseView(view: string | undefined, format: string): 'checklist' | 'plan' {
  if (view === undefined || view === 'checklist') return 'checklist';
  if (view !== 'plan') throw new UsageError(`unknown view "${view}": use checklist or plan`);
  if (format !== 'md' && format !== 'json') throw new UsageError(`--view plan writes md or json, not ${format}`);
  return 'plan';
}

async function renderPlanOutput(report: Report, format: string): Promise<string> {
  if (format === 'json') return jsonText({ game: report.game, asOf: report.asOf, uncoveredMarkets: report.uncoveredMarkets, plan: report.plan });
  const { renderPlanMarkdown } = await import('../../render/markdown.js');
  return renderPlanMarkdown(report);
}

export function registerCheck(program: Command, ctx: Context): void {
  program
    .command('check')
    .description('the compliance checklist for a flow (Markdown to stdout by default)')
    .argument('<flow>', 'the game flow description (YAML)')
    .option('--market <code...>', 'limit to laws covering these markets (e.g. EU US-CA SG)')
    .option('--format <format>', `output format: ${CHECK_FORMATS.join(', ')}`)
    .option('--out <file>', 'write there (atomically) instead of stdout')
    .option('--as-of <date>', 'evaluate laws as of this date, YYYY-MM-DD (default: today)')
    .option('--status <file>', 'merge status, owner and evidence from this file: the status YAML, or the checklist CSV or XLSX check wrote')
    .option('--fail-on <severity>', `exit 1 if an open item at or above this severity remains (${SEVERITIES.join(', ')})`)
    .option('--allow-uncovered', 'with --fail-on, do not fail because an offered market has no rule pack (it is still reported)')
    .option('--answers <file>', 'vendor answers (the filled questionnaire: YAML, CSV or XLSX); answers that leave an obligation open become items')
    .option('--rules <dir...>', 'also load rule packs from these folders')
    .option('--view <view>', 'checklist (default: the work plan, then every law) or plan (the work plan alone; md or json)')
    .action(async (flowFile: string, opts: CheckOpts) => {
      const { io } = ctx;
      const format = parseFormat(opts.format, CHECK_FORMATS, 'md');
      const asOf = parseAsOf(opts.asOf, io);
      const failOn = parseSeverity(opts.failOn);
      const view = parseView(opts.view, format);
      requireOutFor(format, opts.out);
      const lib = requireLibrary((opts.rules ?? []).map((d) => resolveFrom(io, d)));
      const markets = parseMarkets(opts.market, lib.tax);
      const flow = requireFlow(resolveFrom(io, flowFile), lib.tax);
      requireOffered(markets, flow, lib.tax);
      const statusModule = opts.status ? await import('../../load/status.js') : undefined;
      const loadedStatus = opts.status && statusModule ? await statusModule.requireLoadedStatus(resolveFrom(io, opts.status)) : undefined;
      const status = loadedStatus?.status;
      let report = check(lib, flow, { asOf, ...(markets ? { markets } : {}), ...(status ? { status } : {}) });
      if (loadedStatus && statusModule && opts.status) {
        const { lines, total } = statusModule.unmatchedStatusLines(
          loadedStatus.status,
          loadedStatus.where,
          opts.status,
          report.items.map((i) => i.id),
          report.plan.flatMap((t) => [t.id, ...t.subjects.map((s) => s.id)]),
          MAX_SHOWN_ISSUES,
        );
        for (const line of lines) io.stderr(`complyflow: warning: ${printable(line)}\n`);
        if (total > lines.length)
          io.stderr(`complyflow: warning: … and ${(total - lines.length).toLocaleString('en-US')} more status entries that match nothing\n`);
      }
      if (opts.answers) {
        const [answersCore, answersLoad] = await Promise.all([import('../../core/answers.js'), import('../../load/answers.js')]);
        const [{ applyAnswers, unmatchedAnswers }, { requireAnswers }] = [answersCore, answersLoad];
        const answers = await requireAnswers(resolveFrom(io, opts.answers));
        // An answer the report does not ask for is likely a typo: said, never dropped in silence.
        const unmatched = unmatchedAnswers(report, answers);
        for (const id of unmatched.slice(0, MAX_SHOWN_ISSUES)) io.stderr(`complyflow: warning: ${opts.answers}: ${unmatchedAnswer(report, id)}\n`);
        if (unmatched.length > MAX_SHOWN_ISSUES)
          io.stderr(`complyflow: warning: … and ${(unmatched.length - MAX_SHOWN_ISSUES).toLocaleString('en-US')} more answers not used\n`);
        report = applyAnswers(report, answers, lib.questions);
      }
      // Renderers load when used: the JSON report needs no template engine.
      const { renderReportOutput } = await import('../../render/output.js');
      const output = view === 'plan' ? await renderPlanOutput(report, format) : await renderReportOutput(report, format, { flow });
      // A person at a terminal gets the summary and where the whole would go, not thousands of lines;
      // --out or a pipe (a file, a pager, another program) gets the whole report.
      const text = format === 'md' && view === 'checklist' && !opts.out && io.stdoutIsTerminal ? outputText(output) : undefined;
      if (text !== undefined) io.stdout(terminalSummary(text, flowFile, report.game.id));
      else emit(io, opts.out, output);
      const uncovered = report.uncoveredMarkets;
      if (uncovered.length) io.stderr(`complyflow: ${uncoveredSentence(uncovered)}\n`);
      if (failOn) {
        const { open, failures } = releaseGate(report, failOn, { allowUncovered: opts.allowUncovered });
        // A CI log must say what to do, not only how much: the failing items, worst first.
        for (const item of open.slice(0, MAX_SHOWN_GATE_ITEMS))
          io.stderr(`complyflow: open ${item.severity}: ${printable(item.id)}: ${printable(item.title)}\n`);
        if (open.length > MAX_SHOWN_GATE_ITEMS)
          io.stderr(`complyflow: … and ${(open.length - MAX_SHOWN_GATE_ITEMS).toLocaleString('en-US')} more open items\n`);
        if (failures.length) throw new ExitError(EXIT.failOn, `complyflow: ${failures.join('; ')}`);
      }
    });
}

/** An answer for `vendor/question` that the report does not ask, with the nearest vendor or question it does. */
export function unmatchedAnswer(report: Report, id: string): string {
  const [vendorId, questionId] = [id.slice(0, id.indexOf('/')), id.slice(id.indexOf('/') + 1)];
  const vendor = report.vendors.find((v) => v.id === vendorId);
  if (!vendor) {
    const hint = didYouMean(
      vendorId,
      report.vendors.map((v) => v.id),
    );
    return `answers for vendor "${vendorId}", which this report asks nothing of, are not used${hint ? ` (${hint})` : ''}`;
  }
  const hint = didYouMean(
    questionId,
    vendor.questions.map((q) => q.id),
  );
  return `the answer to "${questionId}" for vendor ${vendorId} is not used: this report does not ask it${hint ? ` (${hint})` : ''}`;
}

/** The sections of the Markdown checklist a terminal shows: the heading, notices and the summary with the facts to give. */
const TERMINAL_SECTIONS: ReadonlySet<string> = new Set(['Summary', 'Facts to give']);

/**
 * The Markdown checklist cut for a terminal: its opening, its summary and its
 * facts to give, then how long the whole is and how to get it.
 */
export function terminalSummary(markdown: string, flowFile: string, gameId: string): string {
  const sections = markdown.split(/^(?=## )/m);
  const kept = sections.filter((s, i) => i === 0 || TERMINAL_SECTIONS.has(/^## (.*)/.exec(s)?.[1]?.trim() ?? ''));
  const lines = markdown.split('\n').length - 1;
  const base = /^[\w.-]+$/.test(gameId) ? gameId : 'game';
  const flowArg = /^[\w./@+-]+$/.test(flowFile) ? flowFile : JSON.stringify(flowFile);
  return (
    kept.join('').trimEnd() +
    `\n\n---\n\nThe full checklist is ${lines.toLocaleString('en-US')} lines: the work plan and every item, law by law, are not shown in a terminal. ` +
    `Write it to a file with \`--out ${base}-checklist.md\` (or \`--format html --out ${base}-report.html\`), or read it in a pager: \`complyflow check ${flowArg} | less\`.\n`
  );
}

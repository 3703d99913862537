// `complyflow status init`: a status and evidence file listing every current
// checklist item (status todo), to keep beside the flow and fill in.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Context } from '../main.js';
import { check, requireFlow, requireLibrary } from '../../library.js';
import type { Report, StatusEntry, StatusFile } from '../../core/types.js';
import { parseAsOf, parseMarkets, requireOffered } from '../options.js';
import { outputPath, resolveFrom, writeAtomic } from '../io.js';
import { UsageError } from '../../errors.js';
import { printable, printableLines } from '../../core/printable.js';

interface StatusInitOpts {
  out?: string;
  asOf?: string;
  market?: string[];
  rules?: string[];
  keep?: string;
  force?: boolean;
}

/**
 * The status file for a report: every item id, sorted; entries from `keep` carried over. Kept entries that
 * match no current item stay too (they may be typos of work already done), listed by `keptUnmatched`.
 */
export function statusFileFor(report: Report, keep?: StatusFile): StatusFile {
  const items: Record<string, StatusEntry> = {};
  for (const id of report.items.map((i) => i.id).sort()) items[id] = keep?.items[id] ?? { status: 'todo' };
  for (const id of keptUnmatched(report, keep)) items[id] = keep!.items[id]!;
  const tasks = keep?.tasks && Object.keys(keep.tasks).length ? { tasks: keep.tasks } : {};
  return { version: 1, items, ...tasks };
}

/** Ids of kept entries that match no current item, sorted. */
export function keptUnmatched(report: Report, keep?: StatusFile): string[] {
  if (!keep) return [];
  const known = new Set(report.items.map((i) => i.id));
  return Object.keys(keep.items)
    .filter((id) => !known.has(id))
    .sort();
}

/** YAML text: one line per item, ids double-quoted (JSON strings are valid YAML). */
export function renderStatusYaml(file: StatusFile, report: Report): string {
  const lines = [
    `# complyflow status and evidence file for ${printable(report.game.name)} (${report.game.id}): ${Object.keys(file.items).length} items as of ${report.asOf}.`,
    '# Per item: status (todo | in-progress | done | not-applicable, which needs a reason), owner, evidence',
    '# (links or paths), notes, reviewed (YYYY-MM-DD). Merge it with: complyflow check <flow> --status <this file>',
    'version: 1',
    'items:',
  ];
  const byId = new Map(report.items.map((i) => [i.id, i]));
  for (const [id, entry] of Object.entries(file.items)) {
    const item = byId.get(id);
    // The title and law beside each bare id make the file readable without the report.
    const comment = item ? `${item.title} (${item.regulation}, ${item.citation})` : 'matches no current item: kept from --keep; fix the id or delete the entry';
    lines.push(`  ${JSON.stringify(id)}: ${JSON.stringify(entry)} # ${printable(comment).replace(/[\r\n]+/g, ' ')}`);
  }
  if (!Object.keys(file.items).length) lines[lines.length - 1] = 'items: {}';
  if (file.tasks) {
    lines.push('tasks:');
    for (const [id, entry] of Object.entries(file.tasks)) lines.push(`  ${JSON.stringify(id)}: ${JSON.stringify(entry)}`);
  }
  return lines.join('\n') + '\n';
}

export function registerStatus(program: Command, ctx: Context): void {
  const status = program.command('status').description('the status and evidence file that `check --status` merges');
  status
    .command('init')
    .description('write a status file listing every current checklist item (status: todo)')
    .argument('<flow>', 'the game flow description (YAML)')
    .option('--out <file>', 'write there (atomically) instead of stdout')
    .option('--as-of <date>', 'evaluate laws as of this date, YYYY-MM-DD (default: today)')
    .option('--market <code...>', 'limit to laws covering these markets')
    .option('--rules <dir...>', 'also load rule packs from these folders')
    .option('--keep <file>', 'carry over the entries of an existing status file for items that still exist')
    .option('--force', 'overwrite --out if it exists')
    .action(async (flowFile: string, opts: StatusInitOpts) => {
      const { io } = ctx;
      const asOf = parseAsOf(opts.asOf, io);
      const out = opts.out ? outputPath(io, opts.out) : undefined;
      if (out && existsSync(out) && !opts.force)
        throw new UsageError(`${opts.out} already exists; give --force to overwrite it, or --keep ${opts.out} with another --out to carry its entries over`);
      const lib = requireLibrary((opts.rules ?? []).map((d) => resolveFrom(io, d)));
      const markets = parseMarkets(opts.market, lib.tax);
      const flow = requireFlow(resolveFrom(io, flowFile), lib.tax);
      requireOffered(markets, flow, lib.tax);
      const keep = opts.keep ? await (await import('../../load/status.js')).requireStatusFrom(resolveFrom(io, opts.keep)) : undefined;
      const report = check(lib, flow, { asOf, ...(markets ? { markets } : {}) });
      const text = renderStatusYaml(statusFileFor(report, keep), report);
      const unmatched = keptUnmatched(report, keep);
      if (unmatched.length)
        io.stderr(
          `complyflow: warning: ${unmatched.length} entr${unmatched.length === 1 ? 'y' : 'ies'} of ${opts.keep} match no current item and ${unmatched.length === 1 ? 'is' : 'are'} kept, marked with a comment: ${printable(unmatched.slice(0, 20).join(', '))}${unmatched.length > 20 ? ', …' : ''}\n`,
        );
      if (out) writeAtomic(out, text);
      else io.stdout(text);
    });
  for (const c of status.commands) c.exitOverride().configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(printableLines(s)) });
}

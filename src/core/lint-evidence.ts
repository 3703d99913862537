// The evidence behind a pack: a rule, parameter or variation that says
// `verified` names where it was read (an official text's deep URL, the date,
// the pinpoint) and a rule says in our words what that provision reads. Pure:
// issues by JSON pointer. Separate from lintRule because a pack with a
// schema problem cannot run, while a pack with missing evidence runs but
// cannot claim to be verified.
import type { EvidenceSource, Issue, Regulation, Rule, Verification } from './types.js';
import { isRealDate } from './order.js';
import { urlProblem } from './lint-pack.js';

export const asList = (s: EvidenceSource | EvidenceSource[] | undefined): EvidenceSource[] => (s === undefined ? [] : Array.isArray(s) ? s : [s]);

/** Host names of the pack's official sources (a source is official unless it says `official: false`). */
export function officialHosts(reg: Regulation): Set<string> {
  const hosts = new Set<string>();
  for (const s of reg.sources ?? [])
    if (s.official !== false) {
      const host = hostOf(s.url);
      if (host) hosts.add(host);
    }
  return hosts;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** Problems with the sources given at `pointer`, and whether one of them is official. */
function sourceIssues(sources: EvidenceSource[], pointer: string, official: ReadonlySet<string> | undefined, file: string, single: boolean): Issue[] {
  const issues: Issue[] = [];
  sources.forEach((s, i) => {
    const at = single ? pointer : `${pointer}/${i}`;
    const problem = urlProblem(s.url);
    if (problem) issues.push({ file, pointer: `${at}/url`, message: `url: ${problem}` });
    else if (official && !official.has(hostOf(s.url)!))
      issues.push({
        file,
        pointer: `${at}/url`,
        message: `${hostOf(s.url)} is not the host of an official source of this pack`,
        hint: "a verified fact is read in the official text: add the legislature, gazette or regulator page to the regulation's sources, or say secondary",
      });
    if (!isRealDate(s.read)) issues.push({ file, pointer: `${at}/read`, message: `"${s.read}" is not a real date` });
  });
  return issues;
}

function needsSource(
  verification: Verification | undefined,
  source: EvidenceSource | EvidenceSource[] | undefined,
  pointer: string,
  what: string,
  official: ReadonlySet<string>,
  file: string,
  key = 'source',
): Issue[] {
  const sources = asList(source);
  // a secondary or unverified fact may name what it read; only its form is checked
  if ((verification ?? 'verified') !== 'verified') return sourceIssues(sources, `${pointer}/${key}`, undefined, file, !Array.isArray(source));
  if (sources.length === 0)
    return [
      {
        file,
        pointer: pointer || '/',
        message: `${what} says verified but names no source`,
        hint: `add ${key}: {url, read, pinpoint} from the official text, or say verification: secondary and what was read in note`,
      },
    ];
  return sourceIssues(sources, `${pointer}/${key}`, official, file, !Array.isArray(source));
}

/** A rule's evidence: verified needs an official source with its pinpoint and what it reads. */
export function lintRuleEvidence(rule: Rule, reg: Regulation, file: string): Issue[] {
  const official = officialHosts(reg);
  const issues = needsSource(rule.verification, rule.source, '', 'the rule', official, file);
  if ((rule.verification ?? 'verified') === 'verified' && !rule.reads?.trim())
    issues.push({
      file,
      pointer: '/reads',
      message: 'the rule says verified but not what the provision reads',
      hint: 'add reads: what the text says on each fact the rule relies on, in your own words',
    });
  if ((rule.verification ?? 'verified') !== 'verified' && !rule.note?.trim())
    issues.push({
      file,
      pointer: '/note',
      message: `a ${rule.verification} rule says in note what was read or searched`,
      hint: 'name the copy that was read, or what was searched and why the text could not be read',
    });
  return issues;
}

/** A law's in-force date, phases, parameters and variations: each verified one names its source. */
export function lintRegulationEvidence(reg: Regulation, file: string): Issue[] {
  if (reg.kind === 'practice') return [];
  const official = officialHosts(reg);
  const issues: Issue[] = [];
  if (official.size === 0)
    issues.push({ file, pointer: '/sources', message: 'the pack lists no official source', hint: 'add the legislature, gazette or regulator page of the law' });
  if (reg.inForceSource === undefined && (reg.inForceVerification ?? 'verified') === 'verified')
    issues.push({
      file,
      pointer: '/inForce',
      message: 'the in-force date names no source',
      hint: 'add inForceSource: {url, read, pinpoint}: the commencement provision or notice; or inForceVerification: secondary and what was read in note',
    });
  else issues.push(...needsSource(reg.inForceVerification, reg.inForceSource, '', 'the in-force date', official, file, 'inForceSource'));
  (reg.phases ?? []).forEach((ph, i) => {
    if (ph.source !== undefined) issues.push(...needsSource('verified', ph.source, `/phases/${i}`, `phase ${ph.date}`, official, file));
  });
  for (const [name, decl] of Object.entries(reg.parameters ?? {})) {
    issues.push(...needsSource(decl.verification, decl.source, `/parameters/${name}`, `parameter ${name}`, official, file));
    (decl.schedule ?? []).forEach((entry, i) => {
      if (entry.source !== undefined)
        issues.push(...needsSource('verified', entry.source, `/parameters/${name}/schedule/${i}`, `parameter ${name} from ${entry.from}`, official, file));
    });
  }
  (reg.variations ?? []).forEach((v, i) =>
    issues.push(...needsSource(v.verification, v.source, `/variations/${i}`, `the variation for ${v.markets.join(', ')}`, official, file)),
  );
  return issues;
}

// The checks a JSON Schema cannot do: every reference resolves, ids are
// unique, keys exist in the taxonomies, a flow's data belongs to its purpose.
// Pure: returns issues located by JSON pointer; the loader adds line:column.
import type { Flow, Issue } from './types.js';
import { countryOf, type Taxonomy } from './taxonomy.js';
import { didYouMean } from './suggest.js';
import { flowId } from './subjects.js';
import { durationSeconds, isDuration } from './duration.js';

const MAX_RETENTION_SECONDS = 1000 * 365 * 86_400;

export function checkFlow(flow: Flow, tax: Taxonomy, file: string): Issue[] {
  const issues: Issue[] = [];
  const add = (pointer: string, message: string, hint?: string) => issues.push({ file, pointer, message, ...(hint ? { hint } : {}) });

  const unique = (list: Array<{ id?: string }>, where: string, what: string, seen = new Map<string, string>()) => {
    list.forEach((x, i) => {
      if (x.id === undefined) return;
      const first = seen.get(x.id);
      if (first) add(`/${where}/${i}/id`, `duplicate ${what} id "${x.id}"`, `first defined at ${first.split('/').slice(1).join('.')}`);
      else seen.set(x.id, `/${where}/${i}`);
    });
    return seen;
  };
  unique(flow.data, 'data', 'data element');
  unique(flow.purposes, 'purposes', 'purpose');
  unique(flow.flows, 'flows', 'flow');
  // Flows without an id are named by their ends and purpose; two such flows need ids to tell their items apart.
  const derived = new Map<string, number>();
  flow.flows.forEach((f, i) => {
    if (f.id !== undefined) return;
    const id = flowId(f);
    const first = derived.get(id);
    if (first !== undefined)
      add(
        `/flows/${i}`,
        `flows.${first} and flows.${i} both go from "${f.from}" to "${f.to}" for "${f.purpose}"`,
        'give each an id:, or merge their data lists',
      );
    else derived.set(id, i);
  });
  const endpoints = unique(flow.systems ?? [], 'systems', 'system');
  unique(flow.vendors ?? [], 'vendors', 'system or vendor', endpoints);
  unique(flow.affiliates ?? [], 'affiliates', 'system, vendor or affiliate', endpoints);

  const markets = tax.markets;
  const countryCodes = () => markets.allCodes().filter((c) => countryOf(c) === c);
  const seenMarkets = new Map<string, number>();
  // A market listed again is reported once, at its second listing, with every place it appears.
  const repeats = new Map<string, number[]>();
  flow.markets.forEach((m, i) => {
    const c = markets.canonical(m.code);
    if (!c)
      return add(
        `/markets/${i}/code`,
        `unknown market "${m.code}"`,
        didYouMean(m.code, markets.allCodes()) ??
          'use ISO 3166-1 alpha-2 (DE), ISO 3166-2 for US states (US-CA) and Canadian provinces (CA-QC), or EU, EEA, US, CA, SEA',
      );
    const before = seenMarkets.get(c);
    if (before !== undefined) repeats.set(c, [...(repeats.get(c) ?? [before]), i]);
    else seenMarkets.set(c, i);
  });
  for (const [c, at] of repeats) {
    const times = at.length === 2 ? 'twice' : `${at.length} times`;
    add(
      `/markets/${at[1]}/code`,
      `market "${flow.markets[at[1]!]!.code}" is listed ${times}`,
      `at ${at.map((i) => `markets.${i}`).join(', ')}; list it once (code ${c})`,
    );
  }
  // A larger market's count includes the listed markets inside it (US beside US-CA): the inner
  // counts are exact and the rest of the total is spread over the other states, so they cannot exceed it.
  // Over the first listing of each known market only: at most a few hundred, however long the list.
  const firstListed = [...seenMarkets.values()].map((i) => [i, flow.markets[i]!] as const);
  firstListed.forEach(([j, o]) => {
    if (o.players === undefined) return;
    const outer = markets.leaves(markets.canonical(o.code)!);
    const inner = firstListed.filter(([i, m]) => {
      if (i === j || m.players === undefined) return false;
      const leaves = markets.leaves(markets.canonical(m.code)!);
      return leaves.size < outer.size && [...leaves].every((l) => outer.has(l));
    });
    // only the outermost of nested inner markets add up (US-CA inside a region inside US counts once)
    const outermost = inner.filter(([i, m]) => {
      const leaves = markets.leaves(markets.canonical(m.code)!);
      return !inner.some(([k, g]) => {
        const around = markets.leaves(markets.canonical(g.code)!);
        return k !== i && leaves.size < around.size && [...leaves].every((l) => around.has(l));
      });
    });
    const sum = outermost.reduce((n, [, m]) => n + m.players!, 0);
    if (sum > o.players)
      add(
        `/markets/${j}/players`,
        `the markets inside "${o.code}" give ${sum} players, more than the ${o.players} given for all of ${o.code}`,
        `give players for all of ${o.code}, including ${outermost.map(([, m]) => m.code).join(', ')}`,
      );
  });

  (flow.features ?? []).forEach((f, i) => {
    if (!tax.featureKeys.has(f))
      add(`/features/${i}`, `unknown game feature "${f}"`, didYouMean(f, tax.featureKeys) ?? `one of ${[...tax.featureKeys].join(', ')}`);
  });

  const est = flow.controller.establishedIn;
  if (est !== undefined && !markets.canonical(est)) add('/controller/establishedIn', `unknown country "${est}"`, didYouMean(est, countryCodes()));

  (flow.affiliates ?? []).forEach((a, i) => {
    if (!markets.canonical(a.establishedIn))
      add(`/affiliates/${i}/establishedIn`, `unknown country "${a.establishedIn}"`, didYouMean(a.establishedIn, countryCodes()));
  });

  const region = (code: string, pointer: string) => {
    if (!markets.canonical(code))
      add(pointer, `unknown region "${code}"`, didYouMean(code, countryCodes()) ?? 'use an ISO 3166-1 alpha-2 country code, or EU, EEA, SEA');
  };

  flow.data.forEach((d, i) => {
    // a period past any plan (or past what a number holds) is a slip, not a retention policy
    if (
      typeof d.retention === 'string' &&
      d.retention !== 'account-lifetime' &&
      isDuration(d.retention) &&
      !(durationSeconds(d.retention) <= MAX_RETENTION_SECONDS)
    )
      add(
        `/data/${i}/retention`,
        `retention "${d.retention.length > 40 ? d.retention.slice(0, 40) + '…' : d.retention}" is longer than 1,000 years`,
        'write how long the data is kept, or account-lifetime',
      );
    if (!tax.categoryKeys.has(d.category)) add(`/data/${i}/category`, `unknown data category "${d.category}"`, didYouMean(d.category, tax.categoryKeys));
    d.subjects.forEach((s, j) => {
      if (!tax.subjectKeys.has(s))
        add(`/data/${i}/subjects/${j}`, `unknown data subject "${s}"`, didYouMean(s, tax.subjectKeys) ?? `one of ${[...tax.subjectKeys].join(', ')}`);
    });
  });
  (flow.systems ?? []).forEach((s, i) => (s.regions ?? []).forEach((r, j) => region(r, `/systems/${i}/regions/${j}`)));
  (flow.vendors ?? []).forEach((v, i) => {
    v.services.forEach((s, j) => {
      if (!tax.serviceKeys.has(s))
        add(`/vendors/${i}/services/${j}`, `unknown vendor service "${s}"`, didYouMean(s, tax.serviceKeys) ?? `one of ${[...tax.serviceKeys].join(', ')}`);
    });
    (v.regions ?? []).forEach((r, j) => region(r, `/vendors/${i}/regions/${j}`));
  });
  (flow.affiliates ?? []).forEach((a, i) => (a.regions ?? []).forEach((r, j) => region(r, `/affiliates/${i}/regions/${j}`)));

  const dataIds = new Set(flow.data.map((d) => d.id));
  const dataRef = (id: string, pointer: string) => {
    if (!dataIds.has(id)) add(pointer, `unknown data element "${id}"`, didYouMean(id, dataIds) ?? 'declare it under data:');
  };
  flow.purposes.forEach((p, i) => {
    if (!tax.useKeys.has(p.use)) add(`/purposes/${i}/use`, `unknown data use "${p.use}"`, didYouMean(p.use, tax.useKeys));
    p.data.forEach((d, j) => dataRef(d, `/purposes/${i}/data/${j}`));
  });

  const purposes = new Map(flow.purposes.map((p) => [p.id, p]));
  const endpointIds = [...endpoints.keys()];
  (flow.flows ?? []).forEach((f, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!endpoints.has(f[end]))
        add(
          `/flows/${i}/${end}`,
          `unknown system, vendor or affiliate "${f[end]}"`,
          didYouMean(f[end], endpointIds) ?? 'declare it under systems:, vendors: or affiliates:',
        );
    }
    if (f.from === f.to) add(`/flows/${i}/to`, `flow goes from "${f.from}" to itself`);
    const p = purposes.get(f.purpose);
    if (!p) add(`/flows/${i}/purpose`, `unknown purpose "${f.purpose}"`, didYouMean(f.purpose, purposes.keys()) ?? 'declare it under purposes:');
    f.data.forEach((d, j) => {
      dataRef(d, `/flows/${i}/data/${j}`);
      if (p && dataIds.has(d) && !p.data.includes(d))
        add(
          `/flows/${i}/data/${j}`,
          `data "${d}" is not part of purpose "${p.id}"`,
          `add it to purposes.${flow.purposes.indexOf(p)}.data, or use a purpose that covers it`,
        );
    });
  });
  return issues;
}

// The app stores' answers as the Play Console CSV, Markdown, HTML or JSON.
import type { AppleAnswers, PlayAnswers, PlayCsvLayout, StoreAnswers, StoreMapping, StoresReport, Trace } from '../core/stores.js';
import { DISCLAIMER } from '../core/assemble.js';
import { template } from './handlebars.js';
import { toCsv } from './csv.js';
import type { StoresFormat } from './formats.js';
import { jsonText } from './json.js';

const answer = (v: boolean | null, yes = 'yes', no = 'no') => (v === null ? 'to confirm' : v ? yes : no);

const traceText = (t: Trace) =>
  [
    t.data.length ? `data: ${t.data.join(', ')}` : '',
    t.purposes.length ? `purposes: ${t.purposes.join(', ')}` : '',
    t.vendors.length ? `vendors: ${t.vendors.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');

/**
 * The Play Console Data safety CSV: every data type of the form, then the usage
 * questions of each declared one. Questions the flow cannot decide are left
 * unanswered, so the Console asks for them on import; the answer sheet lists them.
 */
export function playCsvRows(play: PlayAnswers, layout: PlayCsvLayout, mapping: StoreMapping): string[][] {
  const { values: V, questions: Q } = layout;
  const bool = (v: boolean | null) => (v === null ? V.unanswered : v ? V.yes : V.no);
  const tick = (v: boolean) => (v ? V.yes : V.unanswered);
  const rows: string[][] = [
    [Q.collectsOrShares.id, '', bool(play.collectsOrShares), Q.collectsOrShares.requirement, Q.collectsOrShares.label ?? ''],
    [Q.encryptedInTransit.id, '', bool(play.encryptedInTransit), Q.encryptedInTransit.requirement, Q.encryptedInTransit.label ?? ''],
  ];
  const declared = new Map(play.dataTypes.filter((t) => t.collected === true || t.shared === true).map((t) => [t.id, t]));
  for (const t of mapping.dataTypes) rows.push([t.group ?? '', t.id, tick(declared.has(t.id)), 'MULTIPLE_CHOICE', `${t.category} / ${t.name}`]);
  for (const t of mapping.dataTypes) {
    const a = declared.get(t.id);
    if (!a) continue;
    const q = (id: string) => `${Q.usagePrefix}:${t.id}:${id}`;
    const cs = Q.collectionAndSharing;
    rows.push([q(cs.id), cs.collected, tick(a.collected === true), cs.requirement, `${t.name} / Collected`]);
    rows.push([q(cs.id), cs.shared, tick(a.shared === true), cs.requirement, `${t.name} / Shared`]);
    rows.push([q(Q.ephemeral.id), '', bool(a.ephemeral), Q.ephemeral.requirement, `${t.name} / Processed ephemerally?`]);
    const uc = Q.userControl;
    rows.push([
      q(uc.id),
      uc.optional,
      a.optional === true ? V.yes : V.unanswered,
      uc.requirement,
      `${t.name} / Users can choose whether this data is collected`,
    ]);
    rows.push([q(uc.id), uc.required, a.optional === false ? V.yes : V.unanswered, uc.requirement, `${t.name} / Data collection is required`]);
    for (const p of mapping.purposes)
      rows.push([
        q(Q.collectionPurpose.id),
        p.id,
        tick(a.collectionPurposes.some((x) => x.id === p.id)),
        Q.collectionPurpose.requirement,
        `${t.name} collected for / ${p.name}`,
      ]);
    for (const p of mapping.purposes)
      rows.push([
        q(Q.sharingPurpose.id),
        p.id,
        tick(a.sharingPurposes.some((x) => x.id === p.id)),
        Q.sharingPurpose.requirement,
        `${t.name} shared for / ${p.name}`,
      ]);
  }
  return rows;
}

/** Answers as the sheets show them (words, not booleans). */
function sheetView(s: StoreAnswers, mapping: StoreMapping | undefined) {
  const answered = new Set(s.dataTypes.map((t) => t.id));
  const base = {
    notCollected: (mapping?.dataTypes ?? [])
      .filter((t) => !answered.has(t.id))
      .map((t) => `${t.category} / ${t.name}`)
      .join('; '),
    name: s.name,
    lastReviewed: s.lastReviewed,
    sources: s.sources,
    definitions: Object.entries(s.definitions).map(([term, d]) => ({ term, ...d })),
    notes: s.notes,
    toConfirm: s.toConfirm,
  };
  if (s.store === 'play')
    return {
      ...base,
      play: true,
      collectsOrShares: answer(s.collectsOrShares),
      accountCreation: s.accountCreation.value ? `yes (${traceText(s.accountCreation.trace)})` : 'no account data or sign-in purpose in the flow',
      csv: s.csv,
      rows: s.dataTypes.map((t) => ({
        ...t,
        collectedText: answer(t.collected),
        sharedText: answer(t.shared),
        ephemeralText: answer(t.ephemeral),
        optionalText: answer(t.optional, 'optional', 'required'),
        collectionPurposesText: t.collectionPurposes.map((p) => `${p.name} (${p.from.join(', ')})`).join('; ') || 'none',
        sharingPurposesText: t.sharingPurposes.map((p) => `${p.name} (${p.from.join(', ')})`).join('; ') || 'none',
        traceText: traceText(t.trace),
      })),
    };
  return {
    ...base,
    apple: true,
    collectsData: answer(s.collectsData),
    tracking: answer(s.tracking),
    rows: s.dataTypes.map((t) => ({
      ...t,
      collectedText: answer(t.collected),
      linkedText: t.linked ? 'linked to the user' : 'not linked',
      trackingText: answer(t.tracking, 'used to track', 'not used to track'),
      purposesText: t.purposes.map((p) => `${p.name} (${p.from.join(', ')})`).join('; ') || 'none',
      traceText: traceText(t.trace),
    })),
  };
}

function view(report: StoresReport, mappings: readonly StoreMapping[]) {
  return {
    report,
    disclaimer: DISCLAIMER,
    platforms: report.game.platforms?.join(', ') ?? 'not given',
    stores: report.stores.map((s) =>
      sheetView(
        s,
        mappings.find((m) => m.store === s.store),
      ),
    ),
  };
}

export function renderStores(report: StoresReport, format: StoresFormat, mappings: readonly StoreMapping[]): string {
  switch (format) {
    case 'json':
      return jsonText({ disclaimer: DISCLAIMER, ...report });
    case 'csv': {
      const play = report.stores.find((s): s is PlayAnswers => s.store === 'play');
      const mapping = mappings.find((m) => m.store === 'play');
      if (!play || !mapping?.csv) throw new Error('the Play CSV needs the Play answers and the CSV layout');
      return toCsv(mapping.csv.columns, playCsvRows(play, mapping.csv, mapping));
    }
    case 'md':
      return template('stores.md.hbs', 'markdown')(view(report, mappings)).replace(/\n{3,}/g, '\n\n');
    case 'html':
      return template('stores.html.hbs', 'html')(view(report, mappings));
  }
}

export type { AppleAnswers };

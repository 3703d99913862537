import type { Vendor, VendorPredicate } from '../../types.js';
import type { Subject } from '../../subjects.js';
import { predicate } from '../predicate.js';
import { list } from '../operands.js';
import { all, any, F, MAX_LISTED, T, U, type Outcome, type Truth } from '../outcome.js';

/** The vendor facts a predicate can ask about, with how a person would say them. */
const VENDOR_FACTS = [
  ['dpfCertified', 'certified under the EU-US Data Privacy Framework'],
  ['sellsOrShares', 'selling or sharing players’ data for its own purposes'],
] as const;

/** Whether one vendor matches, without building any explanation (the common, hot path). */
function vendorTruth(p: VendorPredicate, v: Vendor, services: string[] | undefined, suppliers: ReadonlySet<string>): Truth {
  if (p.role && !p.role.includes(v.role)) return false;
  if (services && !v.services.some((s) => services.includes(s))) return false;
  // The flows are the whole description: no flow from a vendor means no data from it.
  if (p.suppliesData !== undefined && suppliers.has(v.id) !== p.suppliesData) return false;
  let value: Truth = true;
  for (const [key] of VENDOR_FACTS) {
    const want = p[key];
    if (want === undefined) continue;
    const have = v[key];
    if (have === undefined) value = null;
    else if (have !== want) return false;
  }
  return value;
}

function explainVendor(p: VendorPredicate, v: Vendor, services: string[] | undefined, suppliers: ReadonlySet<string>): Outcome {
  const parts: Outcome[] = [];
  const who = `vendor ${v.id} (${v.name})`;
  if (p.role) parts.push(p.role.includes(v.role) ? T(`${who} is a ${v.role}`) : F(`${who} is a ${v.role}, not ${p.role.join(' or ')}`));
  if (services) {
    const hit = v.services.filter((s) => services.includes(s));
    parts.push(hit.length ? T(`${who} provides ${hit.join(', ')}`) : F(`${who} provides none of ${services.join(', ')}`));
  }
  if (p.suppliesData !== undefined) {
    const supplies = suppliers.has(v.id);
    const text = supplies ? `a flow brings players’ data from ${who} to the studio` : `no flow brings data from ${who} to the studio`;
    parts.push(supplies === p.suppliesData ? T(text) : F(text));
  }
  for (const [key, label] of VENDOR_FACTS) {
    const want = p[key];
    if (want === undefined) continue;
    const have = v[key];
    if (have === undefined) parts.push(U(`vendors[${v.id}].${key}`, `whether ${who} is ${label} is not given`));
    else {
      const text = `${who} is ${have ? '' : 'not '}${label}`;
      parts.push(have === want ? T(text) : F(text));
    }
  }
  return all(parts);
}

export const vendor = predicate<'vendor', VendorPredicate>({
  key: 'vendor',
  level: 'subject',
  schema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    description: 'Some vendor in scope matches every given criterion.',
    properties: {
      role: { type: 'array', minItems: 1, items: { enum: ['processor', 'controller', 'joint-controller', 'third-party'] } },
      services: { $ref: '#/definitions/listRef' },
      dpfCertified: { type: 'boolean' },
      sellsOrShares: { type: 'boolean' },
      suppliesData: {
        type: 'boolean',
        description: "Some flow brings data from the vendor, not itself a processor, to the studio's systems or to one of its processors.",
      },
    },
  },
  doc: {
    example: 'vendor: {role: [processor], services: [ai-model], dpfCertified: false, sellsOrShares: true, suppliesData: true}',
    holds:
      "some vendor in scope matches all given fields; `suppliesData`: some flow brings data from the vendor to the studio's systems or to one of its processors, and the vendor is not itself a processor (a processor acts for the studio, so what it passes on is the studio's own data); the flows are the whole description, so this is never unknown",
  },
  explain: (p, subject: Subject, ctx) => {
    const services = p.services ? list(p.services, ctx).items : undefined;
    const suppliers = ctx.index.suppliers;
    if (subject.vendors.length === 0) return F(`no vendor in ${subject.label}`);
    const truths = subject.vendors.map((v) => vendorTruth(p, v, services, suppliers));
    const pick = (t: Truth) => subject.vendors.filter((_, i) => truths[i] === t);
    const matching = pick(true);
    if (matching.length) {
      // Explain the first few; the rest are only counted.
      const o = any(matching.slice(0, MAX_LISTED).map((v) => explainVendor(p, v, services, suppliers)));
      if (matching.length > MAX_LISTED) o.because.push(`and ${matching.length - MAX_LISTED} more`);
      return o;
    }
    const undecided = pick(null);
    if (undecided.length) {
      const o = any(undecided.slice(0, MAX_LISTED).map((v) => explainVendor(p, v, services, suppliers)));
      if (undecided.length > MAX_LISTED) o.because.push(`and ${undecided.length - MAX_LISTED} more undecided`);
      // every undecided vendor's missing facts, so the to-confirm item names them all
      const facts = undecided.flatMap((v) => VENDOR_FACTS.filter(([k]) => p[k] !== undefined && v[k] === undefined).map(([k]) => `vendors[${v.id}].${k}`));
      return { value: null, because: o.because, unknown: facts };
    }
    // Every vendor fails: explain a few; a portfolio of hundreds gets one line.
    if (subject.vendors.length <= MAX_LISTED) return any(subject.vendors.map((v) => explainVendor(p, v, services, suppliers)));
    return F(`none of the ${subject.vendors.length} vendors in ${subject.label} matches`);
  },
  compile: (p, ctx) => {
    const services = p.services ? list(p.services, ctx).items : undefined;
    return (s) => {
      let value: Truth = false;
      for (const v of s.vendors) {
        const t = vendorTruth(p, v, services, ctx.index.suppliers);
        if (t === true) return true;
        if (t === null) value = null;
      }
      return value;
    };
  },
  lint: (p, pointer, l) => l.keys(p.services, l.tax.serviceKeys, 'vendor service', `${pointer}/services`),
});

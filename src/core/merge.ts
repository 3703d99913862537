// Deep merge for fixtures: a case states only what differs from the base flow.
// Objects merge key by key; lists of objects with an id (or a market code)
// merge element by element, `$remove: true` drops one; other lists replace.
type Json = unknown;

const keyOf = (x: Json): string | undefined => {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return undefined;
  const o = x as Record<string, unknown>;
  return typeof o.id === 'string' ? `id:${o.id}` : typeof o.code === 'string' ? `code:${o.code}` : undefined;
};

export function deepMerge(base: Json, over: Json): Json {
  if (Array.isArray(base) && Array.isArray(over) && over.length > 0 && over.every((x) => keyOf(x) !== undefined)) {
    const out = base.map((x) => x);
    for (const o of over) {
      const k = keyOf(o);
      const i = out.findIndex((x) => keyOf(x) === k);
      const { $remove, ...rest } = o as Record<string, unknown>;
      if ($remove === true) {
        if (i >= 0) out.splice(i, 1);
      } else if (i >= 0) out[i] = deepMerge(out[i], rest);
      else out.push(rest);
    }
    return out;
  }
  if (base && over && typeof base === 'object' && typeof over === 'object' && !Array.isArray(base) && !Array.isArray(over)) {
    const out: Record<string, Json> = { ...(base as Record<string, Json>) };
    for (const [k, v] of Object.entries(over as Record<string, Json>)) {
      if (v === undefined) continue;
      if (v !== null && typeof v === 'object' && (v as Record<string, unknown>).$remove === true && !Array.isArray(v)) delete out[k];
      else out[k] = k in out ? deepMerge(out[k], v) : v;
    }
    return out;
  }
  return over;
}

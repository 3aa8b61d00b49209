/**
 * stableJson: a value as JSON with its object keys sorted and undefined members left out, so two
 * values that say the same thing give the same text whatever order their keys were written in. The
 * results page compares the cloud's answer with the device's through it (sameResult), and the
 * catalog's version is a hash of it (version.ts).
 */
export function stableJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stableJson).join(',')}]`;
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x) ?? 'null';
}

// Which policy texts name which key: the answer of `text.includes(ref)` for
// every key reference and every IAM policy of a file, found in one pass over
// each text per distinct reference length (a rolling hash, Rabin-Karp), not
// one search per pair: a plan with 10,000 keys and as many IAM policies
// would otherwise make 10^8 searches.

const BASE = 0x01000193;

/** B^(length-1) mod 2^32: what the first character of a window weighs. */
function weightOfFirst(length: number): number {
  let w = 1;
  for (let i = 1; i < length; i++) w = Math.imul(w, BASE);
  return w;
}

function hashOf(s: string, from: number, length: number): number {
  let h = 0;
  for (let i = from; i < from + length; i++) h = (Math.imul(h, BASE) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * For each needle (by index), the indices of the texts that contain it, in
 * increasing order: `texts[t].includes(needles[n])` exactly (hash hits are
 * checked), an empty needle contained in every text.
 */
export function textsContaining(needles: readonly string[], texts: readonly string[]): number[][] {
  const found = needles.map((): number[] => []);
  const byLength = new Map<number, Map<number, number[]>>();
  needles.forEach((needle, n) => {
    let byHash = byLength.get(needle.length);
    if (!byHash) byLength.set(needle.length, (byHash = new Map()));
    const h = hashOf(needle, 0, needle.length);
    byHash.set(h, [...(byHash.get(h) ?? []), n]);
  });
  for (const [length, byHash] of byLength) {
    const first = weightOfFirst(length);
    texts.forEach((text, t) => {
      if (text.length < length) return;
      if (length === 0) {
        for (const n of byHash.get(0)!) found[n]!.push(t);
        return;
      }
      const record = (at: number, h: number) => {
        for (const n of byHash.get(h) ?? []) if (found[n]!.at(-1) !== t && text.startsWith(needles[n]!, at)) found[n]!.push(t);
      };
      let h = hashOf(text, 0, length);
      record(0, h);
      for (let at = 1; at + length <= text.length; at++) {
        h = (Math.imul((h - Math.imul(text.charCodeAt(at - 1), first)) | 0, BASE) + text.charCodeAt(at + length - 1)) | 0;
        record(at, h);
      }
    });
  }
  return found;
}

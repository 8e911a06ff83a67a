/** Joins words the way a sentence does: "a", "a and b", "a, b and c" (or "or"). */
export function joinWords(items: readonly string[], word: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

// A count with its noun, for messages people read: "1 principal", "3 principals",
// never "principal(s)".

/** `n` and the noun in the number `n` calls for: `counted(1, 'level')` is "1 level", `counted(2, 'level')` "2 levels". */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

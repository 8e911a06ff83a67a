/**
 * A value made on first use and kept. For catalog tables derived from others
 * (sorted name lists, lookup maps) that only some commands read: a command
 * that never reads one does not build it. Start-up on small machines is
 * mostly the memory a run first touches (docs/architecture.md, "Start-up").
 */
export function lazy<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

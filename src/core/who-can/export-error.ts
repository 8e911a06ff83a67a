/**
 * A malformed export: which file, which field, what is wrong. The command
 * prints it as one line and exits 1; the library API hands it to the caller.
 */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    /** The file as the user named it (`<stdin>` for standard input). */
    readonly file: string,
    /** Where in the file: a JSON path such as `RoleDetailList[3].RolePolicyList[0].PolicyDocument`, or `(file)`. */
    readonly field: string,
    /** What is wrong and how to fix it. */
    readonly detail: string,
  ) {
    super(`${file}: ${field}: ${detail}`);
  }
}

/** A mistake in a lesson file, with the file line it is on (the build stops on it). */
export class LessonFormatError extends Error {
  override readonly name = 'LessonFormatError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
  }
}

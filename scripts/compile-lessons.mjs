// Runs src/lessons/compile.ts (TypeScript, with the yaml package) from a
// plain Node script: esbuild bundles it into one in-memory module, imported
// from a data: URL. Returns the build's `define` entries for the lessons, or
// ends the process with `<dir>/<file>:<line>: <problem>` (exit 1).
import { build } from 'esbuild';
import { join } from 'node:path';

export async function compileLessonDir(dir) {
  const { outputFiles } = await build({
    entryPoints: [new URL('../src/lessons/compile.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // yaml's Node build is CommonJS and requires Node built-ins.
    banner: { js: `import{createRequire}from'node:module';const require=createRequire(${JSON.stringify(import.meta.url)});` },
    logLevel: 'warning',
  });
  const { compileLessons, lessonDefines, readLessonFiles } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
  try {
    return lessonDefines(compileLessons(readLessonFiles(dir)));
  } catch (err) {
    const where = err.name === 'LessonFormatError' ? `${join(dir, err.file)}:${err.line}: ${err.problem}` : `${dir}: ${err.message}`;
    console.error(`build: a lesson is broken: ${where}`);
    process.exit(1);
  }
}

import { defineConfig } from 'vitest/config';
import { templateDefines } from './scripts/template-defines.mjs';
import { compileLessons, lessonDefines, readLessonFiles } from './src/lessons/compile.js';

export default defineConfig({
  define: {
    __KMS_WIZARD_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0-test'),
    // The lessons as the build compiles them, so tests of src/ see what dist/ carries.
    ...lessonDefines(compileLessons(readLessonFiles('lessons'))),
    // The IaC templates, as the build defines them.
    ...templateDefines(),
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep pty/e2e runs from starving each other.
    maxWorkers: 2,
  },
});

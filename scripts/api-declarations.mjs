// The library API's TypeScript declarations (dist/index.d.ts and
// dist/api-types.d.ts). The API's files declare every exported type
// explicitly, so each file's declarations come from that file alone
// (TypeScript's transpileDeclaration, no type-checking pass; `npm run
// typecheck` checks the files).
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const FILES = ['index', 'api-types'];

export function writeApiDeclarations(outdir) {
  for (const name of FILES) {
    const fileName = `src/api/${name}.ts`;
    const { outputText, diagnostics } = ts.transpileDeclaration(readFileSync(fileName, 'utf8'), {
      fileName,
      compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true },
      reportDiagnostics: true,
    });
    if (diagnostics?.length) {
      const text = diagnostics.map((d) => `${fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`).join('\n');
      throw new Error(`cannot write the API declarations:\n${text}`);
    }
    writeFileSync(`${outdir}/${name}.d.ts`, outputText);
  }
}

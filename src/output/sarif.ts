// SARIF 2.1.0 for lint findings, so GitHub code scanning (and other SARIF
// viewers) can show them on a pull request. Pure: returns the text to write.
import type { LintedFile, Severity } from '../core/lint/index.js';
import { jsonText } from '../core/terminal-safe.js';

/** A rule as RULES lists it. */
export interface SarifRule {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly title: string;
}

export interface SarifOptions {
  readonly toolVersion: string;
  readonly rules: readonly SarifRule[];
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A file name as a SARIF artifact URI: relative paths stay relative to the
 * checkout (%SRCROOT%), absolute paths become file:// URIs, stdin is "stdin".
 */
export function artifactLocation(name: string): { uri: string; uriBaseId?: string } {
  const path = name.replace(/\\/g, '/');
  const encode = (p: string) => p.split('/').map(encodeURIComponent).join('/');
  if (name === '' || name === '-' || name === '<stdin>') return { uri: 'stdin' };
  if (/^[A-Za-z]:\//.test(path)) return { uri: `file:///${encode(path.slice(0, 2)).replace('%3A', ':')}${encode(path.slice(2))}` };
  if (path.startsWith('/')) return { uri: `file://${encode(path)}` };
  return { uri: encode(path.replace(/^(\.\/)+/, '')), uriBaseId: '%SRCROOT%' };
}

/** Renders the lint results as a SARIF 2.1.0 log (pretty-printed JSON with a final newline). */
export function renderSarif(files: readonly LintedFile[], opts: SarifOptions): string {
  const ruleIndex = new Map(opts.rules.map((r, i) => [r.code, i]));
  const results = files.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.code,
      ...(ruleIndex.has(f.code) ? { ruleIndex: ruleIndex.get(f.code)! } : {}),
      level: LEVEL[f.severity],
      message: { text: f.hint ? `${f.message}\n${f.hint}` : f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(f.file ?? file.name),
            region: { startLine: f.line, startColumn: f.column },
          },
          // The JSON pointer names the value inside the policy document.
          logicalLocations: [{ fullyQualifiedName: f.pointer === '' ? '/' : f.pointer, kind: 'object' }],
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kms-wizard',
            version: opts.toolVersion,
            informationUri: 'https://www.npmjs.com/package/kms-wizard',
            rules: opts.rules.map((r) => ({
              id: r.code,
              name: r.name,
              shortDescription: { text: r.title },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { tags: ['aws', 'kms', 'iam'] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${jsonText(log)}\n`;
}

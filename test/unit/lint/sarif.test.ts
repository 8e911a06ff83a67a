// SARIF 2.1.0 output (for GitHub code scanning): the shape its consumers read.
import { describe, expect, test } from 'vitest';
import { lintFiles, RULES } from '../../../src/core/lint/index.js';
import { artifactLocation, renderSarif } from '../../../src/output/sarif.js';
import { keyPolicy, use } from './fixtures.js';

describe('renderSarif', () => {
  const files = lintFiles([
    { name: 'policies/key policy.json', text: keyPolicy(use({ Action: ['kms:Encrpyt'], Effect: 'allow' })) },
    { name: 'clean.json', text: keyPolicy(use()) },
  ]);
  const log = JSON.parse(renderSarif(files, { toolVersion: '9.9.9', rules: RULES }));

  test('is a SARIF 2.1.0 log with one run of kms-wizard and every rule', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'kms-wizard', version: '9.9.9' });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.code));
    for (const r of driver.rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(5);
      expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration.level);
    }
  });

  test('each finding is a result with its rule, level, message and location', () => {
    const results = log.runs[0].results;
    const findings = files.flatMap((f) => f.findings);
    expect(results).toHaveLength(findings.length);
    const levels = { error: 'error', warning: 'warning', info: 'note' } as const;
    results.forEach((r: any, i: number) => {
      const f = findings[i]!;
      expect(r.ruleId).toBe(f.code);
      expect(log.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(f.code);
      expect(r.level).toBe(levels[f.severity]);
      expect(r.message.text).toContain(f.message);
      const loc = r.locations[0].physicalLocation;
      expect(loc.artifactLocation).toEqual({ uri: 'policies/key%20policy.json', uriBaseId: '%SRCROOT%' });
      expect(loc.region).toEqual({ startLine: f.line, startColumn: f.column });
      expect(r.locations[0].logicalLocations[0].fullyQualifiedName).toBe(f.pointer || '/');
    });
  });

  test('artifact URIs: relative stays relative, absolute becomes file://, stdin is "stdin"', () => {
    expect(artifactLocation('./a/b.json')).toEqual({ uri: 'a/b.json', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/tmp/x y.json')).toEqual({ uri: 'file:///tmp/x%20y.json' });
    expect(artifactLocation('C:\\work\\p.json')).toEqual({ uri: 'file:///C:/work/p.json' });
    expect(artifactLocation('<stdin>')).toEqual({ uri: 'stdin' });
  });

  test('no findings: an empty results list, still valid', () => {
    const empty = JSON.parse(renderSarif(lintFiles([{ name: 'k.json', text: keyPolicy(use()) }]), { toolVersion: '1', rules: RULES }));
    expect(empty.runs[0].results).toEqual([]);
  });
});

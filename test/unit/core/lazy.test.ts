import { describe, expect, test } from 'vitest';
import { lazy } from '../../../src/core/lazy.js';
import { isViaServiceName, viaServiceNames } from '../../../src/core/catalog/services.js';
import { allOperators } from '../../../src/core/lint/operators.js';

describe('lazy: made on first use, once', () => {
  test('nothing is made until asked; then the same value every time, even undefined', () => {
    let made = 0;
    const table = lazy(() => {
      made++;
      return made === 1 ? undefined : 'second';
    });
    expect(made).toBe(0);
    expect(table()).toBeUndefined();
    expect(table()).toBeUndefined();
    expect(made).toBe(1);
  });

  test('the catalog tables made lazily are the same object on every call', () => {
    expect(viaServiceNames()).toBe(viaServiceNames());
    expect(allOperators()).toBe(allOperators());
    expect(isViaServiceName('secretsmanager')).toBe(true);
    expect(isViaServiceName('SecretsManager')).toBe(false);
    expect(allOperators()).toContain('ForAnyValue:StringLikeIfExists');
    expect(allOperators()).not.toContain('NullIfExists');
  });
});

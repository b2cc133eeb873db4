// The layer rules (.dependency-cruiser.cjs, docs/architecture.md "Layers") hold for src/ and web/
// (no cycle in the web apps either), and they
// do catch a wrong import: the fixture tree under test/fixtures/layers breaks them on purpose.
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const { forbidden, options } = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs'));

async function violations(baseDir: string, tsConfig?: string, roots = ['src']): Promise<string[]> {
  const result = await cruise(roots, {
    ...options,
    baseDir,
    ruleSet: { forbidden },
    validate: true,
    ...(tsConfig ? { tsConfig: { fileName: tsConfig } } : { tsConfig: undefined }),
  });
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

describe('layers', () => {
  it('src/ has no upward import and no cycle, and web/ no cycle', async () => {
    expect(await violations(root, path.join(root, 'tsconfig.json'), ['src', 'web'])).toEqual([]);
  });

  it('a domain module importing the schema, and an import cycle, are refused', async () => {
    const found = await violations(path.join(root, 'test/fixtures/layers'));
    expect(found).toContain('domain-imports-up: src/domain/upward.ts -> src/schema/fields.ts');
    expect(found.some((v) => v.startsWith('no-circular: src/domain/cycle-'))).toBe(true);
  });
});

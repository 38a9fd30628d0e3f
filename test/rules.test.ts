import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { rules } from '../src/index.js';

const root = path.resolve(__dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('rule %s', (id, rule) => {
  it('has a kebab-case id, documentation beside it, and a README entry', () => {
    expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(rule.meta.docs).toBe(`rules/${id}.md`);
    expect(existsSync(path.join(root, rule.meta.docs))).toBe(true);
    expect(readme).toContain(`rules/${id}.md`);
  });

  it('documents every option and message id', () => {
    const doc = readFileSync(path.join(root, rule.meta.docs), 'utf8');
    for (const option of Object.keys(rule.meta.defaults as object)) expect(doc).toContain(`\`${option}\``);
    for (const messageId of Object.keys(rule.meta.messages)) {
      if (Object.keys(rule.meta.messages).length > 2) expect(doc).toContain(`\`${messageId}\``);
    }
  });

  it('has golden fixtures', () => {
    expect(readdirSync(path.join(root, 'fixtures', id)).some((name) => name.endsWith('.expected.json'))).toBe(true);
  });
});

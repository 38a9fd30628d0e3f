import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closest, ConfigError, resolveRules } from '../src/config/rules.js';
import * as api from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('src/config/rules.ts', () => {
  it('resolves severities and options against the registry', () => {
    const active = resolveRules({ 'end-marker': ['warn', { patterns: ['<<END>>'] }], 'cross-file-duplicate': 'off' });
    const endMarker = active.find((entry) => entry.rule.meta.id === 'end-marker')!;
    expect(endMarker.severity).toBe(1);
    expect(endMarker.options).toEqual({ patterns: ['<<END>>'] });
    expect(active.some((entry) => entry.rule.meta.id === 'cross-file-duplicate')).toBe(false);
  });

  it('throws the ConfigError the public API exports, with a hint', () => {
    expect(api.ConfigError).toBe(ConfigError);
    expect(() => resolveRules({ 'end-markers': 'error' })).toThrow(new ConfigError('unknown rule "end-markers" (did you mean "end-marker"?)'));
    expect(closest('severty', ['severity', 'options'])).toBe('severity');
  });
});

/** Relative imports (type-only ones included) of every .ts file under src/ and rules/. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) {
        const text = readFileSync(full, 'utf8');
        const targets = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)].map((match) =>
          path.resolve(path.dirname(full), match[1].replace(/\.js$/, '.ts')),
        );
        graph.set(full, targets);
      }
    }
  };
  walk(path.join(root, 'src'));
  walk(path.join(root, 'rules'));
  return graph;
}

describe('module imports', () => {
  it('have no cycle in src/ and rules/ (import arrows point down)', () => {
    const graph = importGraph();
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(root, f)).join(' > '));
        return;
      }
      state.set(file, 'visiting');
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

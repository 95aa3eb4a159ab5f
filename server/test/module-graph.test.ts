import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The import graph between server modules (server/src/modules/<m>/), read from the sources:
// no circle between modules, and every import of another module goes through its index.ts
// (the lint rule `relais/module-boundaries` says the same in the editor). Test files are
// left out of the circle check: a test may drive another module through its index.

const modulesRoot = path.resolve(import.meta.dirname, '../src/modules');

function sourcesOf(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourcesOf(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Relative specifiers a file imports or re-exports (static and dynamic, type-only included). */
export function specifiersOf(source: string): string[] {
  return [...source.matchAll(/\bfrom\s*'(\.[^']*)'|\bimport\(\s*'(\.[^']*)'\s*\)|^\s*import\s*'(\.[^']*)'/gm)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

interface Edge {
  from: string;
  to: string;
  file: string;
  target: string;
}

function moduleGraph(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourcesOf(modulesRoot)) {
    const from = path.relative(modulesRoot, file).split(path.sep)[0]!;
    for (const spec of specifiersOf(fs.readFileSync(file, 'utf8'))) {
      const target = path.resolve(path.dirname(file), spec);
      const rel = path.relative(modulesRoot, target);
      if (rel.startsWith('..')) continue;
      const to = rel.split(path.sep)[0]!;
      if (to !== from) edges.push({ from, to, file: path.relative(modulesRoot, file), target: rel });
    }
  }
  return edges;
}

/** Every elementary circle found by a depth-first walk, each as the modules along it. */
export function circlesOf(edges: ReadonlyArray<{ from: string; to: string }>): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
  const circles = new Map<string, string[]>();
  const walk = (node: string, trail: string[]) => {
    for (const to of next.get(node) ?? []) {
      const at = trail.indexOf(to);
      if (at >= 0) {
        const circle = trail.slice(at);
        const start = circle.indexOf([...circle].sort()[0]!);
        const canonical = [...circle.slice(start), ...circle.slice(0, start)];
        circles.set(canonical.join(' → '), canonical);
      } else walk(to, [...trail, to]);
    }
  };
  for (const node of next.keys()) walk(node, [node]);
  return [...circles.values()];
}

describe('server modules', () => {
  const edges = moduleGraph();

  it('import each other only through index.ts', () => {
    const internal = edges.filter((e) => path.basename(e.target) !== 'index.ts' || path.dirname(e.target) !== e.to);
    expect(internal.map((e) => `${e.file} → ${e.target}`)).toEqual([]);
  });

  it('have no import circle', () => {
    expect(circlesOf(edges).map((c) => [...c, c[0]].join(' → '))).toEqual([]);
  });

  it('are read by the graph this test builds (it would see a circle)', () => {
    // The checks above are only as good as the reading: the graph has edges, and a made-up circle is found.
    expect(edges.some((e) => e.from === 'capture' && e.to === 'registry')).toBe(true);
    const source = "import type { A } from '../a/index.ts';\nimport {\n  // the person's unit\n  b,\n} from './b.ts';\nexport * from '../c/index.ts';\nconst d = await import('../d/index.ts');\nimport '../e/setup.ts';\nimport { z } from 'zod';";
    expect(specifiersOf(source)).toEqual(['../a/index.ts', './b.ts', '../c/index.ts', '../d/index.ts', '../e/setup.ts']);
    expect(circlesOf([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }, { from: 'c', to: 'd' }])).toEqual([['a', 'b', 'c']]);
  });
});

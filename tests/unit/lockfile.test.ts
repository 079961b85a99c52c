import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/*
 * `npm ci` (what CI services and static hosts run) refuses a lock file that lacks an optional dependency
 * of any package, even one for another platform (Biome ships one binary package per platform). A lock
 * written on one machine with `npm install` after a partial install can miss them.
 */
interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
}
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Where npm would find `name` for the package at `from`: nested first, then each parent, then the top. */
function resolve(from: string, name: string): LockEntry | undefined {
  let dir = from;
  for (;;) {
    const hit = lock.packages[`${dir ? `${dir}/` : ''}node_modules/${name}`];
    if (hit) return hit;
    if (!dir) return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

describe('package-lock.json is complete enough for npm ci', () => {
  it('records every optional dependency of every package', () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages))
      for (const name of Object.keys(entry.optionalDependencies ?? {}))
        if (!resolve(path, name)) missing.push(`${path || '(root)'} → ${name}`);
    expect(missing).toEqual([]);
  });

  it('records every dependency named in package.json', () => {
    const names = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
    expect(names.filter((n) => !lock.packages[`node_modules/${n}`])).toEqual([]);
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
  });
});

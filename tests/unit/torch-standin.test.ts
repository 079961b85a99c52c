import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

/* The torch stand-in the PyTorch export's tests run against: its own checks of the vector and matrix
 * operations (tests/py/test_nd.py: forward values and gradients against hand numbers and central differences). */

it('the torch stand-in computes vectors and matrices as torch does', () => {
  const r = spawnSync('python3', ['tests/py/test_nd.py'], { encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/\d+ passed, 0 failed/);
});

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Runs exported PyTorch scripts with python3 against the torch stand-in in tests/py/torch (CI cannot
 * install PyTorch), and reads what they print: `f = <repr>` then `df/dx = <repr>` for each input.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** python3's own executable, found once: a version manager's shim (pyenv) costs ~0.2 s per start. */
let executable: string | undefined;

function python(args: string[], input: string, timeout: number) {
  executable ??= find();
  const r = spawnSync(executable, args, {
    input,
    encoding: 'utf8',
    timeout,
    maxBuffer: 256 * 1024 * 1024,
    env: {
      ...process.env,
      PYTHONPATH: [HERE, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter),
      PYTHONDONTWRITEBYTECODE: '1',
      PYTHONIOENCODING: 'utf-8',
    },
  });
  if (r.error) throw r.error;
  return r;
}

function find(): string {
  const r = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  const path = r.stdout?.trim();
  if (r.status === 0 && path) return path;
  throw new Error(
    'python3 is missing: the PyTorch export tests run every exported script with python3 (against the ' +
      `torch stand-in in tests/py/torch). Install it (Debian: apt-get install python3). ${r.error ?? r.stderr}`,
  );
}

/** Runs one script as `python3 script.py` would; stdout, stderr and the exit status. */
export function runScript(
  code: string,
  timeout = 20_000,
): { stdout: string; stderr: string; status: number | null } {
  const r = python(['-'], code, timeout);
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

export interface RunResult {
  stdout: string;
  /** The exception the script raised ("TypeError: ..."), or null. */
  error: string | null;
}

/** Runs many scripts in one python3 process (tests/py/run_many.py), each in a fresh namespace. */
export function runScripts(codes: readonly string[], timeout = 120_000): RunResult[] {
  const r = python([path.join(HERE, 'run_many.py')], JSON.stringify(codes), timeout);
  if (r.status !== 0) throw new Error(`run_many.py failed (${r.status ?? r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout) as RunResult[];
}

/** What a script printed: the output's name and value, and the gradient with respect to each input. */
export interface Printed {
  name: string;
  value: number;
  grads: Record<string, number>;
}

/** A float as Python's repr prints it (and nothing else: a tensor's repr is not a number). */
const REPR = /^-?(inf|nan|\d+\.\d+(e[+-]\d+)?|\d(\.\d+)?e[+-]\d+)$/;

export function parseFloatRepr(s: string): number {
  if (!REPR.test(s)) throw new Error(`not a Python float repr: ${JSON.stringify(s)}`);
  if (s === 'nan' || s === '-nan') return Number.NaN;
  if (s === 'inf') return Number.POSITIVE_INFINITY;
  if (s === '-inf') return Number.NEGATIVE_INFINITY;
  return Number(s);
}

export function parsePrinted(stdout: string): Printed {
  const lines = stdout.split('\n').filter((l) => l !== '');
  const first = /^(\w+) = (\S+)$/.exec(lines[0] ?? '');
  if (!first) throw new Error(`the script printed no value line: ${JSON.stringify(stdout)}`);
  const name = first[1] as string;
  const grads: Record<string, number> = {};
  for (const line of lines.slice(1)) {
    const m = /^d(\w+)\/d(\w+) = (\S+)$/.exec(line);
    if (!m || m[1] !== name)
      throw new Error(`unexpected line ${JSON.stringify(line)} in ${JSON.stringify(stdout)}`);
    grads[m[2] as string] = parseFloatRepr(m[3] as string);
  }
  return { name, value: parseFloatRepr(first[2] as string), grads };
}

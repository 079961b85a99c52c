import type { FunctionDef, NameUse } from './ast';
import { ParseFailure, syntaxError, where } from './errors';
import { COMMA, EOF, EQUALS, IDENT, LPAREN, RPAREN, SEP, type Tokens } from './lexer';
import { CONSTANTS, FUNCTIONS } from './ops/table';
import { TENSOR_FUNCTIONS } from './ops/tensor';

/*
 * Functions the program defines: `name(p1, p2, …) = body`. Reading one happens in two halves. Before the
 * parser starts, every definition's head is found (definitions may come anywhere, so a call can precede
 * its definition). After it, the checks that need every body at once: no recursion, no name that is
 * neither a parameter nor one of the program's, and how large each call is once inlined.
 */

/** The head of a definition: the function's name token, its parameter tokens and the `=` token. */
export interface Head {
  nameTok: number;
  params: number[];
  equals: number;
}

/** A definition while its body is parsed: its head, and what the body reads and calls. */
export interface Draft {
  head: Head;
  def: FunctionDef;
  /** Names the body reads that are not its parameters, and calls it makes (definition index, span). */
  uses: NameUse[];
  calls: { def: number; start: number; end: number }[];
  /** Rows and arguments of the body: an upper bound on what one inlining adds before nested calls. */
  rows: number;
  args: number;
}

/** Above this many nodes, calls that call calls are refused: 2^20 copies of a body do not fit a tab. */
export const MAX_INLINED_NODES = 2_000_000;

const fail = (message: string, start: number, end: number, hint?: string): never => {
  throw new ParseFailure(syntaxError(message, start, end, hint));
};

/**
 * Finds the heads `IDENT ( IDENT, … ) =` at the start of statements, by the token that starts each. A
 * head whose parentheses hold anything but names is refused here, with the reason.
 */
export function scanHeads(source: string, t: Tokens): Map<number, Head> {
  const heads = new Map<number, Head>();
  const bySym = new Map<number, number>();
  const text = (i: number) => source.slice(t.start[i], t.end[i]);
  for (let i = 0; i < t.count; i++) {
    if (i > 0 && t.kind[i - 1] !== SEP) continue;
    if (t.kind[i] !== IDENT || t.kind[i + 1] !== LPAREN) continue;
    // Find the matching ")" on this line; a head is followed by "=".
    let depth = 0;
    let close = -1;
    for (let k = i + 1; k < t.count; k++) {
      const kind = t.kind[k];
      if (kind === SEP || kind === EOF) break;
      if (kind === LPAREN) depth++;
      else if (kind === RPAREN && --depth === 0) {
        close = k;
        break;
      }
    }
    if (close < 0 || t.kind[close + 1] !== EQUALS) continue;
    const name = text(i);
    const span: [number, number] = [t.start[i] as number, t.end[close] as number];
    if (FUNCTIONS.has(name) || TENSOR_FUNCTIONS.has(name))
      fail(
        `"${name}" is a built-in function; your function needs another name`,
        ...span,
        `For example: my_${name}(${text(i + 2)}) = …`,
      );
    if (CONSTANTS.has(name)) fail(`"${name}" is a constant; a function needs another name`, ...span);
    const params: number[] = [];
    for (let k = i + 2; k < close; k += 2) {
      if (t.kind[k] !== IDENT || (k + 1 < close && t.kind[k + 1] !== COMMA))
        fail(
          `The parameters of ${name} must be names separated by commas`,
          t.start[k] as number,
          t.end[k] as number,
          `For example: ${name}(w, x, b) = w*x + b`,
        );
      params.push(k);
    }
    if (t.kind[close - 1] === COMMA)
      fail(
        `A parameter name is missing after the last "," of ${name}`,
        t.start[close - 1] as number,
        t.end[close] as number,
        'Delete the comma, or add the parameter.',
      );
    if (params.length === 0)
      fail(
        `${name}() has no parameters; a function needs at least one`,
        ...span,
        `For a fixed value, write ${name} = 3.`,
      );
    const sym = t.sym[i] as number;
    const before = bySym.get(sym);
    if (before !== undefined)
      fail(
        `The function ${name} is already defined (at ${where(source, t.start[before] as number)})`,
        ...span,
        'Give the new function its own name.',
      );
    bySym.set(sym, i);
    const seen = new Set<number>();
    for (const k of params) {
      const p = text(k);
      const s = t.sym[k] as number;
      if (seen.has(s))
        fail(`${name} has two parameters named ${p}`, t.start[k] as number, t.end[k] as number);
      seen.add(s);
      if (FUNCTIONS.has(p) || CONSTANTS.has(p) || s === sym)
        fail(
          `"${p}" cannot be a parameter: it is ${s === sym ? 'the function itself' : FUNCTIONS.has(p) ? 'a built-in function' : 'a constant'}`,
          t.start[k] as number,
          t.end[k] as number,
          'Pick another name for the parameter.',
        );
    }
    heads.set(i, { nameTok: i, params, equals: close + 1 });
  }
  return heads;
}

/** A parameter that is itself one of the program's functions (`g(f) = …` with f defined): refused. */
export function refuseFunctionParams(source: string, t: Tokens, heads: Map<number, Head>): void {
  const fns = new Set([...heads.values()].map((h) => t.sym[h.nameTok] as number));
  for (const h of heads.values())
    for (const k of h.params)
      if (fns.has(t.sym[k] as number))
        fail(
          `"${source.slice(t.start[k], t.end[k])}" is one of your functions; a parameter needs another name`,
          t.start[k] as number,
          t.end[k] as number,
        );
}

/**
 * The checks that need every body: recursion (direct or through other functions) is refused, since a
 * graph must be finite; so is a name in a body that is neither a parameter nor a name the program uses.
 * Fills each definition's globals (transitively) and its inlined size.
 */
export function finishDefinitions(drafts: Draft[], programNames: Uint8Array, names: readonly string[]): void {
  const state = new Uint8Array(drafts.length); // 0 new, 1 on the current path, 2 done
  const path: number[] = [];
  const visit = (d: number): void => {
    state[d] = 1;
    path.push(d);
    const draft = drafts[d] as Draft;
    for (const c of draft.calls) {
      if (state[c.def] === 1) {
        const fn = draft.def.name;
        const loop = path.slice(path.indexOf(c.def)).map((k) => (drafts[k] as Draft).def.name);
        if (c.def === d)
          fail(
            `${fn} calls itself: recursion is not supported`,
            c.start,
            c.end,
            'A graph is finite: write out the steps you need, or use a function that does not call itself.',
          );
        fail(
          `${loop.map((n, k) => `${n} calls ${loop[(k + 1) % loop.length]}`).join(', ')}: functions cannot call each other in a circle`,
          c.start,
          c.end,
          'A graph is finite: break the circle so that no function ends up calling itself.',
        );
      }
      if (state[c.def] === 0) visit(c.def);
    }
    // Globals and size once every callee is done (post-order).
    const globals: NameUse[] = [];
    const seen = new Set<number>();
    const add = (u: NameUse) => {
      if (!seen.has(u.sym)) {
        seen.add(u.sym);
        globals.push(u);
      }
    };
    for (const u of draft.uses) {
      if (!programNames[u.sym]) {
        const n = names[u.sym] as string;
        const params = draft.def.paramNames;
        fail(
          `"${n}" in ${draft.def.name} is neither a parameter of ${draft.def.name} nor a name of the program`,
          u.start,
          u.end,
          `Make it a parameter, ${draft.def.name}(${[...params, n].join(', ')}) = …, or give it a value in the program: ${n} = 1.`,
        );
      }
      add(u);
    }
    let size = draft.def.params.length + draft.rows;
    let edges = draft.def.params.length + draft.args;
    for (const c of draft.calls) {
      const callee = (drafts[c.def] as Draft).def;
      for (const u of callee.globals) add(u);
      size += callee.size;
      edges += callee.edges;
    }
    draft.def.globals = globals;
    draft.def.size = size;
    draft.def.edges = edges;
    path.pop();
    state[d] = 2;
  };
  for (let d = 0; d < drafts.length; d++) if (state[d] === 0) visit(d);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeState,
  encodeState,
  hasControlCharacters,
  LINK_LIMITS,
  linkProblem,
  MAX_LINK_CHARS,
  MAX_SHARED_SOURCE,
  type SharedState,
  STORAGE_LIMITS,
} from '../../src/store/url';

describe('share links', () => {
  it('round-trip the state exactly', () => {
    const s: SharedState = {
      source: 'x = -2; y = 5\nf = (x + y) * z # note',
      values: { z: -4, w_1: 1e-7 },
      step: 3,
      palette: 'colorblind',
      theme: 'dark',
      projector: true,
      embed: false,
    };
    expect(decodeState(`#${encodeState(s)}`)).toEqual({ ok: true, state: s });
    // Forward mode seeded on an input, or on one element of a tensor input.
    for (const seed of ['x', 'W[0,1]', 'v[3]'])
      expect(decodeState(encodeState({ ...s, seed }))).toEqual({ ok: true, state: { ...s, seed } });
  });

  it('round-trip any program text and values (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }).filter((t) => !hasControlCharacters(t)),
        fc.dictionary(
          fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          { maxKeys: 5 },
        ),
        (source, values) => {
          const base = { palette: 'lecture', theme: 'light', projector: false, embed: false } as const;
          const r = decodeState(encodeState({ source, values, ...base }));
          expect(r).toEqual({ ok: true, state: { source, values, ...base } });
        },
      ),
    );
  });

  it.each([
    [`src=x&pad=${'a'.repeat(MAX_LINK_CHARS)}`, 'it is too long'],
    [`src=${'x'.repeat(10_001)}`, 'its program is too long'],
    ['v.x=1', 'it has no program in it'],
    ['src=x&v.%3Cimg%20onerror%3Dalert(1)%3E=1', 'is not a variable name'],
    ['src=x&v.x=javascript:alert(1)', 'the value of x is not a number'],
    ['src=x&v.x=Infinity', 'the value of x is not a number'],
    ['src=x&step=-1', 'its step is not a whole number'],
    ['src=x&palette=%3Cscript%3E', 'is not a colour scheme'],
    ['src=x%00y', 'control characters'],
    // Strict reading: URLSearchParams alone would load all of these in some form.
    ['src=%E2%8', 'its encoding is broken'],
    ['src=x%E2%82', 'its encoding is broken'],
    ['src=x&step=0x2', 'its step is not a whole number'],
    ['src=x&step=2.0', 'its step is not a whole number'],
    ['src=x&v.x=0x10', 'the value of x is not a number'],
    ['src=x&v.x=%201', 'the value of x is not a number'],
    ['src=x&v.x=1&v.x=2', 'it gives "v.x" twice'],
    ['src=x&src=y', 'it gives "src" twice'],
    ['src=x&colour=1', 'it has an unknown setting "colour"'],
    ['src=x&seed=x%3Cb%3E', 'is not an input to seed forward mode on'],
    ['src=x&seed=W[0,1,2]', 'is not an input to seed forward mode on'],
  ])('refuses %s', (fragment, why) => {
    const r = decodeState(fragment);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain(why);
      expect(r.reason.length).toBeLessThan(200);
    }
  });

  it('loads a program that merely looks hostile: it is text, shown as text', () => {
    const r = decodeState(
      `src=${encodeURIComponent('\\href{javascript:alert(1)}{x} + <img src=x onerror=alert(1)>')}`,
    );
    expect(r.ok).toBe(true);
  });

  it('never throws on random fragments', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        decodeState(s);
      }),
    );
  });
});

describe('programs too long for a link', () => {
  const long: SharedState = {
    source: Array.from({ length: 3000 }, (_, i) => `x${i % 9}`).join(' + '),
    values: {},
    palette: 'lecture',
    theme: 'light',
    projector: false,
    embed: false,
  };

  it('are refused as links, kept by local storage, and the reason is given before a link is made', () => {
    expect(long.source.length).toBeGreaterThan(MAX_SHARED_SOURCE);
    const text = encodeState(long);
    expect(decodeState(text).ok).toBe(false);
    expect(decodeState(text, STORAGE_LIMITS)).toEqual({ ok: true, state: long });
    expect(linkProblem(long)).toMatch(/too long to share as a link \(\d[\d,]* characters/);
    expect(linkProblem({ ...long, source: 'x + y' })).toBeNull();
  });

  it('storage still checks what it reads, tidying (not refusing) odd characters of older saves', () => {
    expect(decodeState(encodeState({ ...long, source: 'x\u0000' }), LINK_LIMITS).ok).toBe(false);
    const kept = decodeState(
      encodeState({ ...long, source: 'x = 1\f\r\ny\u00a0=\u200b2\nx*y' }),
      STORAGE_LIMITS,
    );
    expect(kept.ok && kept.state.source).toBe('x = 1\n\ny =2\nx*y');
    const huge = { ...long, source: 'x+'.repeat(600_000) };
    expect(decodeState(encodeState(huge), STORAGE_LIMITS).ok).toBe(false);
  });
});

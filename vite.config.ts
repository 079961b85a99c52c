import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Plugin, runnerImport } from 'vite';
import { defineConfig } from 'vitest/config';

/** The id of the script that fits the prerendered graph to its box (see below). */
const FIT_ID = 'gradflow-fit';

/**
 * Puts the first visit's first screen, rendered to HTML (src/prerender.tsx), in index.html's root, so that
 * the graph is painted before any script has run; main.tsx hydrates it (or, on a return visit, replaces
 * it). A returning visitor (a link, kept work or a preference) would see the default example flash before
 * their own work: a tiny script in the head hides the prerendered screen for them until main.tsx runs.
 */
function prerender(): Plugin {
  // Styles do not change the markup: the stylesheets are left out of the render in Node.
  const noCss: Plugin = {
    name: 'gradflow-prerender-no-css',
    enforce: 'pre',
    resolveId: (id) => (id.endsWith('.css') ? '\0no-css' : null),
    load: (id) => (id === '\0no-css' ? 'export {}' : null),
  };
  return {
    name: 'gradflow-prerender',
    apply: 'build',
    async transformIndexHtml(html) {
      const entry = fileURLToPath(new URL('./src/prerender.tsx', import.meta.url));
      const { module } = await runnerImport<typeof import('./src/prerender')>(entry, {
        configFile: false,
        logLevel: 'error',
        root: fileURLToPath(new URL('.', import.meta.url)),
        plugins: [noCss],
      });
      const { html: markup, bounds: b, maxScale } = module.prerenderFirstScreen();
      const root = '<div id="root"></div>';
      const svg = '<svg class="graph"';
      if (!html.includes(root)) throw new Error(`index.html needs ${root}`);
      if (!markup.includes(svg)) throw new Error('the first screen has no graph');
      // With no script at all the graph fits its box by its viewBox. With scripts, the one after the root
      // (run before the first paint, with the stylesheet already in the page: see inlineStylesheet) swaps
      // the viewBox for the very transform GraphView's first fit sets (useZoom's fitView, at most maxScale),
      // so that taking over moves nothing.
      const viewBox = `viewBox="${b.x} ${b.y} ${b.width} ${b.height}" preserveAspectRatio="xMidYMid meet"`;
      const fit =
        `<script id="${FIT_ID}">(()=>{const s=document.querySelector('#root svg.graph'),g=s&&s.querySelector(':scope>g');if(!g)return;` +
        `s.removeAttribute('viewBox');s.removeAttribute('preserveAspectRatio');const r=s.getBoundingClientRect();` +
        `if(!r.width||!r.height)return;const k=Math.min(${maxScale},r.width/${b.width},r.height/${b.height});` +
        `g.setAttribute('transform','translate('+(r.width/2-k*${b.x + b.width / 2})+','+(r.height/2-k*${b.y + b.height / 2})+') scale('+k+')')})()</script>`;
      // The first frame waits for that script (rendering is blocked until the element with its id is parsed),
      // so that it shows the whole first screen, fitted: painted before, it would show the top bar alone.
      const expect = `<link rel="expect" href="#${FIT_ID}" blocking="render">`;
      const returning =
        "<script>try{if(location.hash.length>1||['gradflow:v1','gradflow:legend','gradflow:follow'].some((k)=>localStorage.getItem(k)!==null)||sessionStorage.getItem('gradflow:tab')!==null)document.documentElement.dataset.returning=''}catch(e){}</script>" +
        '<style>[data-returning] #root[data-prerendered]{visibility:hidden}</style>';
      return html
        .replace('</head>', `${expect}${returning}\n  </head>`)
        .replace(
          root,
          `<div id="root" data-prerendered>${markup.replace(svg, `${svg} ${viewBox}`)}</div>${fit}`,
        );
    },
  };
}

/**
 * The app's stylesheet (about 5 kB gzip) goes into index.html itself: fetched apart, it held the first
 * paint (and the parser, at the first inline script) until its own response came, on top of the page's.
 */
function inlineStylesheet(): Plugin {
  return {
    name: 'gradflow-inline-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        return html.replace(
          /<link rel="stylesheet"[^>]*href="\.\/([^"]+\.css)"[^>]*>/g,
          (link, file: string) => {
            const asset = bundle[file];
            if (asset?.type !== 'asset') return link;
            delete bundle[file];
            return `<style>${String(asset.source)}</style>`;
          },
        );
      },
    },
  };
}

/**
 * Modules only lazy parts import (the tensor level's, the captions, forward mode's text, the matrix grids):
 * kept out of the first load's shared chunk. (core/tangent.ts left this list: analyze's Jacobian and the
 * store's forward mode need it from the start.)
 */
const LAZY_ONLY =
  /[\\/]src[\\/](core[\\/](jacobian|descent|along|captions|tangentCaptions|latex)\.ts|core[\\/]tensor[\\/](drawn|replay|names|latex|level|captions)|ui[\\/](describeTensorStep|TensorStepText|TensorNodeDetails|Tex|tex[\\/]|describeStep|describeTangent|MatrixTable|MatrixInput|GateStepText|TangentStepText|SeedBar|ScalarNodeDetails|TensorGradients|JacobianPanel|useTicker)|view[\\/](tensor[\\/]|FrameClose|camera|aim)|store[\\/]tensorScene)/;

// One config for the app (vite) and the unit/property tests (vitest).
// `vite build --mode single` builds the offline single file: every asset (KaTeX fonts included) inlined,
// the lazily loaded parts (KaTeX, the side tools, the export code) and the layout worker folded into the
// one script, then scripts/inline-html.mjs folds the script and stylesheet into dist-single/gradflow.html.
// Browser tests live in tests/e2e and are run by Playwright, not vitest.

export default defineConfig(({ mode }) => ({
  plugins: [react(), prerender(), inlineStylesheet()],
  base: './',
  resolve:
    mode === 'single'
      ? {
          alias: [
            {
              find: /^\.\/startWorker$/,
              replacement: fileURLToPath(new URL('./src/view/startWorker.single.ts', import.meta.url)),
            },
          ],
        }
      : {},
  build:
    mode === 'single'
      ? {
          target: 'es2022',
          outDir: 'dist-single',
          assetsInlineLimit: 100_000_000,
          cssCodeSplit: false,
          modulePreload: false,
          rolldownOptions: { output: { codeSplitting: false } },
        }
      : {
          target: 'es2022',
          sourcemap: true,
          chunkSizeWarningLimit: 800,
          // The first load's scripts are preloaded by links in index.html. No preload helper in the first
          // load's script (1 kB gzip with its table of every lazy part's dependencies): a lazy part that
          // imports another fetches it when it runs, and main.tsx fetches the parts when the page is idle
          // anyway. No polyfill either: a browser without <link rel="modulepreload"> (Safari before 17)
          // still loads every script, by its imports, only without the head start.
          modulePreload: {
            polyfill: false,
            resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
          },
          // The libraries in one chunk of their own (left to itself, rolldown splits the modules the lazy
          // parts share with the first load into several small chunks, which compress worse). d3 is not
          // among them: it comes after the first paint, with the code that pans and zooms (view/zoomD3.ts).
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  {
                    name: 'vendor',
                    test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]/,
                  },
                  // The app's modules that the first load shares with lazy parts, as one chunk too: left to
                  // itself, rolldown makes a common chunk per set of sharers. The tensor level's modules are
                  // shared only among its own lazy parts, and stay out of the first load.
                  {
                    name: 'shared',
                    minShareCount: 2,
                    test: (id: string) => /[\\/]src[\\/]/.test(id) && !LAZY_ONLY.test(id),
                  },
                ],
              },
            },
          },
        },
  worker: { format: 'es' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/property/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
}));

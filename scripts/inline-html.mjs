// Folds dist-single/index.html, its script and its stylesheet into one self-contained file,
// dist-single/gradflow.html, that works opened straight from disk (file://) with no network.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'dist-single';
let html = readFileSync(join(dir, 'index.html'), 'utf8');
const read = (rel) => readFileSync(join(dir, rel.replace(/^\.\//, '')), 'utf8');

html = html.replace(/<script type="module"[^>]*src="([^"]+)"[^>]*><\/script>/g, (_, src) => {
  // "</script" inside the code would end the element early.
  const js = read(src).replace(/<\/script/gi, '<\\/script');
  return `<script type="module">${js}</script>`;
});
html = html.replace(
  /<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g,
  (_, href) => `<style>${read(href)}</style>`,
);
html = html.replace(/<link rel="icon" href="([^"]+)"[^>]*>/, (_, href) => {
  const svg = read(href);
  return `<link rel="icon" href="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" type="image/svg+xml">`;
});
if (/\b(src|href)="\.\/(?!#)/.test(html)) throw new Error('gradflow.html still refers to another file');
writeFileSync(join(dir, 'gradflow.html'), html);
for (const f of readdirSync(dir)) if (f !== 'gradflow.html') rmSync(join(dir, f), { recursive: true });
console.log(
  `${join(dir, 'gradflow.html')}: ${(html.length / 1024).toFixed(0)} kB, one file, no network needed`,
);

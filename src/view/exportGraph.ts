/* Export of the graph as shown (values, gradients, highlights, theme) for slides: SVG and PNG. */

export interface ExportOptions {
  /** Pixels per drawing unit. */
  scale: number;
  background: 'white' | 'transparent';
}

const PAD = 24;
// Every property that the stylesheet sets on graph elements, baked into the file so that any viewer
// (a browser, an image viewer, a slide program) draws it the same.
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'paint-order',
  'text-anchor',
  'dominant-baseline',
] as const;

/** A standalone SVG document of the drawing, cropped to it, with computed styles inlined. */
export function graphSvg(
  svg: SVGSVGElement,
  opts: ExportOptions,
): { text: string; width: number; height: number } {
  const content = svg.querySelector<SVGGElement>(':scope > g');
  if (!content) throw new Error('The graph has nothing to export yet.');
  // Export the final picture, not a frame of a transition (a node or edge still easing into place).
  for (const a of content.getAnimations({ subtree: true })) a.finish();
  // Measure without the moving pulse: the picture's size must not depend on where the dot is.
  const pulses = [...content.querySelectorAll<SVGElement>('.pulse')];
  for (const p of pulses) p.style.display = 'none';
  const box = content.getBBox();
  for (const p of pulses) p.style.display = '';
  const x = box.x - PAD;
  const y = box.y - PAD;
  const w = box.width + 2 * PAD;
  const h = box.height + 2 * PAD;
  const width = Math.round(w * opts.scale);
  const height = Math.round(h * opts.scale);

  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')] as Element[];
  const copies = [clone, ...clone.querySelectorAll('*')] as Element[];
  const drop: Element[] = []; // the moving pulse and hover titles have no place in a still picture
  originals.forEach((el, k) => {
    const copy = copies[k] as SVGElement;
    if (el.classList.contains('pulse') || el.tagName === 'title' || el.tagName === 'animateMotion')
      drop.push(copy);
    const cs = getComputedStyle(el);
    const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    // CSS transforms (node positions) become transform attributes: viewers do not all read CSS.
    const transform = (el as SVGElement).style?.transform;
    copy.removeAttribute('style');
    copy.removeAttribute('class');
    copy.removeAttribute('tabindex');
    if (el !== svg) copy.setAttribute('style', style);
    const t = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)/.exec(transform ?? '');
    if (t) copy.setAttribute('transform', `translate(${t[1]} ${t[2]})`);
  });
  for (const n of drop) n.remove();
  clone.querySelector(':scope > g')?.removeAttribute('transform'); // the pan/zoom
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('viewBox', `${x} ${y} ${w} ${h}`);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.removeAttribute('aria-label');
  for (const a of [...clone.attributes]) if (a.name.startsWith('data-')) clone.removeAttribute(a.name);
  if (opts.background === 'white') {
    const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    for (const [k, v] of Object.entries({ x, y, width: w, height: h, fill: '#ffffff' }))
      bg.setAttribute(k, String(v));
    clone.insertBefore(bg, clone.firstChild);
  }
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
  return { text, width, height };
}

/** The same drawing as a PNG, rasterized by the browser. */
export async function graphPng(svg: SVGSVGElement, opts: ExportOptions): Promise<Blob> {
  const { text, width, height } = graphSvg(svg, opts);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw a PNG.');
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a file through the browser's download. */
export function download(name: string, data: Blob | string, type: string): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

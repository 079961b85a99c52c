/* How one gate is painted on the canvas, and how a number gets its halo: as the stylesheet draws them
   (styles.css .node and .value-label/.grad-label rules). */
import { OP } from '../../core';
import { nodeSymbol, symbolFit } from '../geometry';
import { LEGIBLE_PX } from '../labels/boxes';
import { belowText } from '../labels/inputs';
import { belowInput, NAME_ABOVE } from '../labels/plan';
import type { PaintNode, Palette, Picture } from './paint';

/** Text this small on screen is not drawn at all: not read, and not worth its cost. */
const MIN_TEXT_PX = 4;

/** A number with a halo in the background colour, which keeps it readable over lines (centred on x). */
export function halo(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  fill: string,
  bg: string,
  font: string,
  width: number,
): void {
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.lineJoin = 'round';
  ctx.lineWidth = width;
  ctx.strokeStyle = bg;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = fill;
  ctx.fillText(text, x, y);
}

/** One node: its shape, its symbol, its name above (a gate) or its gradient below (an input). */
export function paintNode(
  ctx: CanvasRenderingContext2D,
  n: PaintNode,
  pic: Picture,
  colors: Palette,
  k: number,
  { hw, hh, shape }: { hw: number; hh: number; shape: 'circle' | 'box' | 'chip' },
): number {
  const op = n.node.op;
  ctx.globalAlpha = n.dim ? 0.35 : 1;
  ctx.beginPath();
  if (hw * k < 1.5) ctx.arc(n.x, n.y, 1.5 / k, 0, 2 * Math.PI);
  else if (shape === 'circle') ctx.arc(n.x, n.y, hw, 0, 2 * Math.PI);
  else ctx.roundRect(n.x - hw, n.y - hh, 2 * hw, 2 * hh, shape === 'box' ? 8 : 10);
  const plain =
    op === 'input' || op === 'param' ? colors.inputFill : op === 'const' ? colors.panel : colors.node;
  ctx.fillStyle = n.active ? colors.active : plain;
  ctx.fill();
  ctx.strokeStyle =
    n.active || n.selected ? colors.accent : op === 'const' ? colors.constStroke : colors.nodeStroke;
  ctx.lineWidth = Math.max(n.selected ? 4 : n.active || n.isOutput ? 3.5 : op === 'call' ? 3 : 2, 0.8 / k);
  ctx.setLineDash(op === 'const' && !n.active && !n.selected ? [3, 2] : op === 'param' ? [6, 3] : []);
  ctx.stroke();
  ctx.setLineDash([]);
  let texts = 0;
  // The symbol, at the stylesheet's size for its kind, shrunk to fit its shape.
  const mono = op === 'input' || op === 'param';
  // (The stylesheet's sizes, grown with the labels where it sets them larger: projector, phone.)
  const usual = ((mono ? 16 : op === 'const' ? 13 : 20) * pic.sizes.value) / 15;
  const size = Math.min(usual, symbolFit(n.node, n.name, OP[op].symbol));
  if (size * k >= MIN_TEXT_PX) {
    const sym = nodeSymbol(n.node, n.name, OP[op].symbol);
    ctx.font = `${op === 'const' ? 500 : 600} ${size}px ${mono ? colors.mono : colors.font}`;
    ctx.fillStyle = op === 'const' ? colors.muted : colors.ink;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(sym.sub ? `${sym.text}${sym.sub}` : sym.text, n.x, n.y);
    texts++;
  }
  if (n.showName && pic.names && k * pic.sizes.name >= LEGIBLE_PX) {
    ctx.font = `italic ${pic.sizes.name}px ${colors.font}`;
    ctx.fillStyle = colors.muted;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(n.name, n.x, n.y - hh - NAME_ABOVE);
    texts++;
  }
  if (n.below !== undefined && pic.numbers && k * pic.sizes.value >= LEGIBLE_PX) {
    const y = n.y + belowInput(hh, pic.sizes.value);
    halo(
      ctx,
      belowText(n.below, n.seeded),
      n.x,
      y,
      colors.grad,
      colors.bg,
      `600 ${pic.sizes.value}px ${colors.font}`,
      4,
    );
    texts++;
  }
  return texts;
}

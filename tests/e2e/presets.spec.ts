import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readGradients } from './helpers';

/* The presets that tell a student where Gradflow's numbers and the slide's part: loaded through the
 * Preset picker, their card ticks every known number, shows the slide's own number beside it and says
 * why; the Gradients table holds numbers computed here from closed forms, not copied from the presets. */

async function load(page: Page, id: string) {
  await page.goto('/');
  const picker = page.getByLabel('Preset', { exact: true });
  await expect(picker.locator(`option[value="${id}"]`), `a preset "${id}" in the picker`).toHaveCount(1);
  await picker.selectOption(id);
  const card = page.getByRole('region', { name: 'About this preset' });
  await expect(card).toBeVisible();
  return card;
}

/** The known-number row that starts with `label =`. */
const rowOf = (card: ReturnType<Page['getByRole']>, label: string) =>
  card.locator('li').filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} = `) });

const scores = [3.2, 5.1, -1.7];
const expScores = scores.map(Math.exp);
const Z = expScores.reduce((a, v) => a + v, 0);
const prob = expScores.map((v) => v / Z);

test('softmax in base 10, as on CS231n’s slide: 0.886, printed 0.89, and the card says why', async ({
  page,
}) => {
  const card = await load(page, 'softmax-log10');
  await expect(card).toContainText('Softmax cross-entropy, base 10 as on the slide');
  await expect(card.locator('.preset-note')).toContainText('base 10');
  await expect(card.locator('.preset-note')).toContainText('2.04');
  await expect(card.locator('li.agrees')).toHaveCount(5); // p, L and three gradients
  await expect(card.locator('li.differs')).toHaveCount(0);
  await expect(rowOf(card, 'L')).toContainText('slide: 0.89');
  await expect(rowOf(card, 'p')).toContainText('slide: 0.13');
  await expect(card).toContainText('rounds to two places');
  const L = -Math.log10(Math.exp(3.2) / (Math.exp(3.2) + Math.exp(5.1) + Math.exp(-1.7)));
  expect(Number(await page.locator('output').getAttribute('title'))).toBeCloseTo(L, 9);
  const g = await readGradients(page);
  expect(g.cat?.grad).toBeCloseTo(((prob[0] as number) - 1) / Math.LN10, 9);
  expect(g.car?.grad).toBeCloseTo((prob[1] as number) / Math.LN10, 9);
  expect(g.frog?.grad).toBeCloseTo((prob[2] as number) / Math.LN10, 9);
});

test('softmax with the natural log says the slide’s 0.89 is base 10, beside Gradflow’s 2.04', async ({
  page,
}) => {
  const card = await load(page, 'softmax');
  await expect(card.locator('.preset-note')).toContainText('log10');
  await expect(card.locator('li.agrees')).toHaveCount(4);
  await expect(card.locator('li.differs')).toHaveCount(0);
  await expect(rowOf(card, 'L')).toContainText('L = 2.04035');
  await expect(rowOf(card, 'L')).toContainText('slide: 0.89');
  await expect(card.locator('.preset-slide')).toContainText('−log10(0.13) = 0.89');
  expect(Number(await page.locator('output').getAttribute('title'))).toBeCloseTo(
    -Math.log(prob[0] as number),
    9,
  );
});

test('CS231n’s SVM table: all three images, the slide’s slip 10.9 and 4.6 beside 12.9 and 5.267', async ({
  page,
}) => {
  const card = await load(page, 'svm-table');
  const note = card.locator('.preset-note');
  for (const s of ['slip', '10.9', '12.9', '4.6', '5.27']) await expect(note).toContainText(s);
  await expect(card.locator('li.agrees')).toHaveCount(13); // L1, L2, L3, L and nine gradients
  await expect(card.locator('li.differs')).toHaveCount(0);
  await expect(rowOf(card, 'L3')).toContainText('L3 = 12.9');
  await expect(rowOf(card, 'L3')).toContainText('slide: 10.9');
  await expect(rowOf(card, 'L')).toContainText('slide: 4.6');
  // Where the slide is right, no slide number: it would only repeat Gradflow's.
  await expect(rowOf(card, 'L1')).not.toContainText('slide');
  await expect(rowOf(card, 'L2')).not.toContainText('slide');
  // The hinge by hand: image 1 only car's margin is positive (2.9), image 2 none, image 3 both (6.3 + 6.6).
  const L = (5.1 - 3.2 + 1 + 0 + (2.2 + 3.1 + 1) + (2.5 + 3.1 + 1)) / 3;
  expect(Number(await page.locator('output').getAttribute('title'))).toBeCloseTo(L, 9);
  const g = await readGradients(page);
  const want: Record<string, number> = {
    cat1: -1 / 3,
    car1: 1 / 3,
    frog1: 0,
    cat2: 0,
    car2: 0,
    frog2: 0,
    cat3: 1 / 3,
    car3: 1 / 3,
    frog3: -2 / 3,
  };
  expect(Object.keys(g).sort()).toEqual(Object.keys(want).sort());
  for (const [k, v] of Object.entries(want)) expect(g[k]?.grad, k).toBeCloseTo(v, 9);
});

test('the recitation’s MLP: C = 4, ∂C/∂w2 = (48, 0), ∂C/∂W1 = (12, 0)', async ({ page }) => {
  const card = await load(page, 'recitation-mlp');
  const note = card.locator('.preset-note');
  for (const s of ['recitation', '48', '12']) await expect(note).toContainText(s);
  await expect(card.locator('li.agrees')).toHaveCount(10); // h1, h2, yhat, C and six gradients
  await expect(card.locator('li.differs')).toHaveCount(0);
  await expect(card.locator('.slide-printed')).toHaveCount(0); // the recitation's numbers are exact
  await expect(page.locator('output')).toHaveText('C = 4');
  // h = (12, 0), ŷ = 12, ∂C/∂ŷ = 2(12 − 10) = 4.
  const g = await readGradients(page);
  expect(g.w2_1?.grad).toBe(4 * 12);
  expect(g.w2_2?.grad).toBe(0);
  expect(g.w1_1?.grad).toBe(4 * 1 * 3);
  expect(g.w1_2?.grad).toBe(0);
  expect(g.x?.grad).toBe(4 * 1 * 4);
  expect(g.y?.grad).toBe(-4);
});

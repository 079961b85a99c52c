import { expect, type Page } from '@playwright/test';

/** Replaces the program text, as a student would by selecting all and typing. */
export async function typeProgram(page: Page, source: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Expression' });
  await box.click();
  await box.press('ControlOrMeta+a');
  await box.press('Delete');
  await box.pressSequentially(source, { delay: 0 });
}

/** Sets an input variable through its number field (labelled with the variable's name). */
export async function setVariable(page: Page, name: string, value: number): Promise<void> {
  const field = page.getByRole('spinbutton', { name, exact: true });
  await field.fill(String(value));
}

/** Reads the Gradients table as text: { name: [value, gradient] }. */
export async function readGradients(page: Page): Promise<Record<string, { value: number; grad: number }>> {
  const table = page.getByRole('table', { name: 'Gradients' });
  await expect(table).toBeVisible();
  const rows = await table.locator('tbody tr').all();
  const out: Record<string, { value: number; grad: number }> = {};
  for (const row of rows) {
    const name = (await row.locator('th').innerText()).trim();
    const cells = row.locator('td');
    out[name] = {
      value: Number((await cells.nth(0).getAttribute('title')) ?? Number.NaN),
      grad: Number((await cells.nth(1).getAttribute('data-exact')) ?? Number.NaN),
    };
  }
  return out;
}

/** The shown (rounded) text, with the typographic minus made ASCII. */
export function numberText(s: string): number {
  return Number(s.replace('−', '-'));
}

// Markup typed into free-text fields is shown as the text it is, never run: volunteer
// name and skills, award reasons, an activity's title, category, place and details, a
// unit's name, contact and address, a perk's title and description. Each payload sets
// `window.__xss` if it ever runs; after every flow, and after a reload that draws it
// all again from storage, `window.__xss` is still undefined and the app's DOM holds no
// script, no `<img src=x>` and no `on…` attribute.
import { test, expect } from '@playwright/test';
import { openApp, becomeOrganizer, registerVolunteer, tab } from './helpers.mjs';
import { unlockOrganizer, openVolunteers } from './storage-helpers.mjs';

// The payloads of the brief, and short ones for fields with small limits (a name is
// at most 20 characters, a skill 30).
const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';
const SVG = '"><svg onload=window.__xss=1>';
const SHORT_SVG = '<svg onload=__xss=1>';
const SHORT_IMG = '<img src=x onerror=__xss=1>';
const SHORT_SCRIPT = '<script>__xss=1</script>';

/** Nothing ran, and nothing executable was put in the app's DOM. */
async function expectInert(page) {
  const found = await page.evaluate(() => {
    // The app draws inside its mount's shadow root (src/embed.rs).
    const root = document.querySelector('linli-app')?.shadowRoot?.querySelector('.ll-app');
    const bad = [];
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed'].includes(tag)) bad.push(el.outerHTML.slice(0, 80));
      if (tag === 'img' && el.getAttribute('src') === 'x') bad.push(el.outerHTML.slice(0, 80));
      for (const attribute of el.attributes) {
        if (attribute.name.toLowerCase().startsWith('on')) bad.push(el.outerHTML.slice(0, 80));
      }
    }
    return { bad, xss: window.__xss, root: !!root };
  });
  expect(found.root).toBe(true);
  expect(found.bad).toEqual([]);
  expect(found.xss).toBeUndefined();
}

/** `text` is on the page, character for character, as text. */
async function expectLiteral(scope, text) {
  await expect(scope.getByText(text, { exact: true }).first()).toBeVisible();
}

test('markup in a volunteer, skills and award reasons shows as text', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: SHORT_SVG, skills: `${SHORT_IMG}，${SHORT_SCRIPT}` });
  const list = page.getByRole('list', { name: '志愿者' });
  await expectLiteral(list, SHORT_SVG);

  // The skills are kept literally: a search for either finds the volunteer.
  for (const skill of [SHORT_IMG, SHORT_SCRIPT]) {
    await page.getByLabel('搜索').fill(skill);
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expectLiteral(list, SHORT_SVG);
  }
  await page.getByLabel('搜索').fill('');

  await list.getByRole('link', { name: SHORT_SVG }).click();
  await expect(page.getByRole('heading', { name: SHORT_SVG, exact: true })).toBeVisible();
  const form = page.getByRole('form', { name: '奖励积分' });
  for (const [i, reason] of [IMG, SCRIPT, SVG].entries()) {
    await form.getByLabel('积分').fill(String(i + 1));
    await form.getByLabel('原因').fill(reason);
    await form.getByRole('button', { name: '奖励积分' }).click();
    await expect(page.getByRole('status').filter({ hasText: `已奖励 ${i + 1} 积分` })).toBeVisible();
  }
  const statement = page.getByRole('list', { name: '积分明细' });
  for (const reason of [IMG, SCRIPT, SVG]) await expectLiteral(statement, reason);
  await expectInert(page);

  // 我的: the picker and the card show the masked name; the statement the reasons.
  await tab(page, '我的').click();
  const picker = page.getByLabel('选择志愿者');
  await picker.selectOption({ index: 1 });
  await expect(page.getByTestId('my-balance')).toHaveText('6');
  for (const reason of [IMG, SCRIPT, SVG]) await expectLiteral(page.getByRole('list', { name: '积分明细' }), reason);
  await expectInert(page);

  // Drawn again from storage.
  await page.reload();
  await expect(page.getByTestId('my-balance')).toHaveText('6');
  await unlockOrganizer(page);
  const again = await openVolunteers(page);
  await expectLiteral(again, SHORT_SVG);
  await again.getByRole('link', { name: SHORT_SVG }).click();
  for (const reason of [IMG, SCRIPT, SVG]) await expectLiteral(page.getByRole('list', { name: '积分明细' }), reason);
  await expectInert(page);
});

test('markup in an activity shows as text', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await tab(page, '活动').click();
  await page.getByRole('link', { name: '发布活动' }).click();
  const form = page.getByRole('form', { name: '发布活动' });
  await form.getByLabel('活动名称').fill(IMG);
  await form.getByLabel('类别').fill(SHORT_SVG);
  await form.getByLabel('地点').fill(SVG);
  await form.getByLabel('活动说明').fill(SCRIPT);
  await form.getByLabel('名额').fill('10');
  await form.getByRole('button', { name: '发布' }).click();
  await expect(page.getByRole('heading', { name: IMG, exact: true })).toBeVisible();
  await expectLiteral(page, SVG);
  await expectLiteral(page, SCRIPT);
  await expectInert(page);

  await tab(page, '活动').click();
  await expectLiteral(page, IMG);
  await expect(page.getByText(SVG).first()).toBeVisible();
  await expectInert(page);

  await page.reload();
  await expectLiteral(page, IMG);
  await page.getByText(IMG, { exact: true }).first().click();
  await expect(page.getByRole('heading', { name: IMG, exact: true })).toBeVisible();
  await expectLiteral(page, SCRIPT);
  await expectInert(page);
});

test('markup in a unit and a perk shows as text', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '共建单位' }).click();
  await page.getByRole('button', { name: '登记单位' }).click();
  const unit = page.getByRole('form', { name: '登记单位' });
  await unit.getByLabel('单位类型').selectOption({ label: '商户（红色合伙人）' });
  await unit.getByLabel('单位名称').fill(IMG);
  await unit.getByLabel('联系人').fill(SHORT_SVG);
  await unit.getByLabel('地址').fill(SVG);
  await unit.getByRole('button', { name: '登记' }).click();
  const units = page.getByRole('list', { name: '共建单位' });
  await expect(units).toContainText(IMG);
  await expect(units).toContainText(SHORT_SVG);
  await expectInert(page);

  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '积分超市' }).click();
  await page.getByRole('button', { name: '上架礼遇' }).click();
  const perk = page.getByRole('form', { name: '上架礼遇' });
  await perk.getByLabel('赞助方').selectOption({ label: IMG });
  await perk.getByLabel('礼遇名称').fill(SCRIPT);
  await perk.getByLabel('说明').fill(SVG);
  await perk.getByLabel('所需积分').fill('3');
  await perk.getByLabel('数量').fill('1');
  await perk.getByRole('button', { name: '上架礼遇' }).click();
  await expect(page.getByRole('status').filter({ hasText: `已上架：${SCRIPT}` })).toBeVisible();
  const item = page.getByRole('listitem', { name: SCRIPT });
  await expectLiteral(item, SCRIPT);
  await expectLiteral(item, SVG);
  await expect(item).toContainText(IMG);
  await expectInert(page);

  // Drawn again from storage, as anyone sees the shop.
  await page.reload();
  await expect(page.getByRole('heading', { name: '积分超市' })).toBeVisible();
  await expectLiteral(page.getByRole('listitem', { name: SCRIPT }), SVG);
  await expectInert(page);
});

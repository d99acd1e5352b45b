// Long lists come a page at a time: 30 rows in the document, large previous/next
// buttons, and a filter starts again at the first page.
import { test, expect } from '@playwright/test';
import { openApp, becomeOrganizer } from './helpers.mjs';

const VOLUNTEERS = 70;

/**
 * 70 volunteers stored by an earlier version (format 1), one segment of one tab. With
 * `grids`, the first 40 live in 一网格 and the other 30 in 二网格.
 */
function seedVolunteers({ grids = false } = {}) {
  const rows = [];
  for (let i = 1; i <= 70; i++) {
    const number = `V${String(i).padStart(3, '0')}`;
    const profile = { name: `志愿者${number}`, phone: `1380000${String(i).padStart(4, '0')}`, number };
    if (grids) profile.grid = i <= 40 ? '一网格' : '二网格';
    rows.push([i, 1795222800000 + i, { t: 'register_volunteer', profile }]);
  }
  if (!sessionStorage.getItem('seeded')) {
    localStorage.setItem('linli/log/5eed/0', JSON.stringify({ v: 1, r: '5eed', e: rows }));
    sessionStorage.setItem('seeded', '1');
  }
}

/** Seeds the volunteers, opens the organizer's volunteer list: its list and pager. */
async function organizerList(page, seed = {}) {
  await page.addInitScript(seedVolunteers, seed);
  await openApp(page);
  await becomeOrganizer(page);
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  return {
    list: page.getByRole('list', { name: '志愿者' }),
    pager: page.getByRole('navigation', { name: '志愿者·翻页' }),
  };
}

test('the volunteer list shows 30 at a time and pages through all of them', async ({ page }) => {
  const { list, pager } = await organizerList(page);
  await expect(list.getByRole('listitem')).toHaveCount(30);
  await expect(pager).toContainText(`第 1/3 页，共 ${VOLUNTEERS} 条`);
  await expect(pager.getByRole('button', { name: '上一页' })).toBeDisabled();

  await pager.getByRole('button', { name: '下一页' }).click();
  await expect(pager).toContainText('第 2/3 页');
  await expect(list.getByRole('listitem')).toHaveCount(30);
  await pager.getByRole('button', { name: '下一页' }).click();
  await expect(pager).toContainText('第 3/3 页');
  await expect(list.getByRole('listitem')).toHaveCount(VOLUNTEERS - 60);
  await expect(pager.getByRole('button', { name: '下一页' })).toBeDisabled();
  const seen = new Set();
  for (const direction of ['上一页', '上一页']) {
    for (const name of await list.getByRole('strong').allTextContents()) seen.add(name);
    await pager.getByRole('button', { name: direction }).click();
  }
  for (const name of await list.getByRole('strong').allTextContents()) seen.add(name);
  expect(seen.size).toBe(VOLUNTEERS);

  // A search starts again at the first page, and one page needs no pager.
  await pager.getByRole('button', { name: '下一页' }).click();
  await page.getByLabel('搜索').fill('V06');
  await expect(list.getByRole('listitem')).toHaveCount(10);
  await expect(pager).toHaveCount(0);
  await page.getByLabel('搜索').fill('志愿者');
  await expect(pager).toContainText('第 1/3 页');
});

test('the masked volunteer list, read-only text rows, pages the same way', async ({ page }) => {
  await page.addInitScript(seedVolunteers);
  // The organizer's device founds the community and adopts the earlier version's data;
  // outside organizer mode the list shows masked names and phones and opens nothing.
  await openApp(page);
  await becomeOrganizer(page);
  await page.getByRole('button', { name: '退出管理模式' }).click();
  await page.goto('/#/volunteers');
  const list = page.getByRole('list', { name: '志愿者' });
  const pager = page.getByRole('navigation', { name: '志愿者·翻页' });
  await expect(list.getByRole('listitem')).toHaveCount(30);
  await expect(pager).toContainText(`第 1/3 页，共 ${VOLUNTEERS} 条`);
  await expect(list.getByRole('link')).toHaveCount(0);
  await expect(list.getByRole('listitem').first()).toContainText('138****0001');
  await expect(list).not.toContainText('13800000001');
  await expect(list).not.toContainText('志愿者V001');

  await pager.getByRole('button', { name: '下一页' }).click();
  await expect(pager).toContainText('第 2/3 页');
  await expect(list.getByRole('listitem').first()).toContainText('138****0031');
  await pager.getByRole('button', { name: '下一页' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(VOLUNTEERS - 60);
  await expect(pager.getByRole('button', { name: '下一页' })).toBeDisabled();
  await pager.getByRole('button', { name: '上一页' }).click();
  await expect(pager).toContainText('第 2/3 页');
  await expect(list.getByRole('listitem')).toHaveCount(30);
});

test('a filter chosen on the last page shows the first page of what it leaves', async ({ page }) => {
  const { list, pager } = await organizerList(page, { grids: true });
  const next = pager.getByRole('button', { name: '下一页' });
  await next.click();
  await next.click();
  await expect(pager).toContainText(`第 3/3 页，共 ${VOLUNTEERS} 条`);

  // 40 left, two pages: the first of them, not the last (page 3 is past their end).
  await page.getByLabel('按网格筛选').selectOption('一网格');
  await expect(pager).toContainText('第 1/2 页，共 40 条');
  await expect(list.getByRole('listitem')).toHaveCount(30);
  await expect(list.getByRole('listitem').first()).toContainText('志愿者V001');
  await next.click();
  await expect(pager).toContainText('第 2/2 页');
  await expect(list.getByRole('listitem')).toHaveCount(10);

  // Every grid again: the first page, not the one chosen before the filter.
  await page.getByLabel('按网格筛选').selectOption('');
  await expect(pager).toContainText(`第 1/3 页，共 ${VOLUNTEERS} 条`);
  await expect(list.getByRole('listitem').first()).toContainText('志愿者V001');

  // A search that finds nobody, then one that finds them all again: the first page.
  await next.click();
  await expect(pager).toContainText('第 2/3 页');
  await page.getByLabel('搜索').fill('无此人');
  await expect(page.getByText('还没有登记志愿者。')).toBeVisible();
  await expect(list).toHaveCount(0);
  await page.getByLabel('搜索').fill('');
  await expect(pager).toContainText('第 1/3 页');
  await expect(list.getByRole('listitem')).toHaveCount(30);
});

// Several tabs of one browser acting at the same time: every event ends up in every
// tab and in storage, none lost and none duplicated; a reload agrees. Two tabs opened at
// the same moment both work. The numbers (tabs × actions) are printed for the README.
import { test, expect } from '@playwright/test';
import { openApp, becomeOrganizer, registerVolunteer, awardPoints } from './helpers.mjs';
import { storedEvents, unlockOrganizer, openVolunteers } from './storage-helpers.mjs';

const TABS = 4;
const AWARDS = 6; // per tab, after one registration per tab

/** Tab `t` (0-based) awards 10·t + 1 … 10·t + AWARDS points, each with its own reason. */
const amount = (t, j) => 10 * t + j + 1;
const expectedPoints = Array.from({ length: TABS }, (_, t) =>
  Array.from({ length: AWARDS }, (_, j) => amount(t, j)).reduce((a, b) => a + b, 0),
).reduce((a, b) => a + b, 0);

/** What every tab must show: every volunteer, 王小明's balance and every award. */
async function expectEverything(page, names) {
  const list = await openVolunteers(page);
  await expect(list.getByRole('listitem')).toHaveCount(names.length);
  for (const name of names) {
    await expect(list.getByRole('link', { name: new RegExp(name) })).toBeVisible();
  }
  await list.getByRole('link', { name: /王小明/ }).click();
  await expect(page.getByRole('heading', { name: '王小明' })).toBeVisible();
  await expect(page.getByTestId('volunteer-balance')).toHaveText(String(expectedPoints));
  const lines = page.getByRole('list', { name: '积分明细' }).getByRole('listitem');
  await expect(lines).toHaveCount(TABS * AWARDS);
  for (let t = 0; t < TABS; t++) {
    for (let j = 0; j < AWARDS; j++) {
      await expect(lines.filter({ hasText: `第${t + 1}页第${j + 1}次` })).toHaveCount(1);
    }
  }
}

test(`${TABS} tabs acting at once: every event in every tab and in storage, once`, async ({ context }) => {
  // Four tabs doing 28 actions and checking each other take about 20 s on 2 cores.
  test.setTimeout(90_000);
  // The first tab sets the PIN and registers the volunteer everyone awards.
  const first = await context.newPage();
  await openApp(first);
  await becomeOrganizer(first, '2468');
  await registerVolunteer(first, { name: '王小明', phone: '13812341234' });
  // 王小明's page, by address: tapping his row while other tabs' registrations arrive
  // can land on another volunteer (the list's rows are redrawn in place, see below).
  const wangHref = await first.getByRole('link', { name: /王小明/ }).getAttribute('href');
  expect(wangHref).toMatch(/^#\/volunteers\//);

  // The other tabs open now and unlock with that PIN.
  const pages = [first];
  for (let t = 1; t < TABS; t++) {
    const page = await context.newPage();
    await openApp(page);
    await unlockOrganizer(page, '2468');
    pages.push(page);
  }

  // At once, in every tab: register a volunteer, then award 王小明 points AWARDS times.
  const names = ['王小明', ...pages.map((_, t) => `志愿者${'甲乙丙丁戊己'[t]}`)];
  await Promise.all(pages.map(async (page, t) => {
    await registerVolunteer(page, { name: names[t + 1] });
    // Not a tap on the live list: its rows are not keyed, so a registration arriving from
    // another tab can redraw the row being tapped as another volunteer (seen here: a
    // tab's six awards went to 志愿者乙). The address is stable.
    await page.evaluate((hash) => { window.location.hash = hash; }, wangHref);
    await expect(page.getByRole('heading', { name: '王小明' })).toBeVisible();
    for (let j = 0; j < AWARDS; j++) {
      await awardPoints(page, amount(t, j), `第${t + 1}页第${j + 1}次`);
    }
  }));

  const actions = TABS * (1 + AWARDS);
  const total = 1 + actions;

  // Every tab shows everything, without a reload.
  for (const page of pages) await expectEverything(page, names);

  // Storage holds each event once; each tab wrote its own share under its own replica.
  const stored = await storedEvents(first);
  expect(stored.count).toBe(total);
  expect(stored.distinct).toBe(total);
  expect(stored.tags).toEqual({ register_volunteer: 1 + TABS, award_points: TABS * AWARDS });
  expect(Object.values(stored.perReplica).sort((a, b) => a - b))
    .toEqual([...Array(TABS - 1).fill(1 + AWARDS), 2 + AWARDS]);

  // A reload, and a tab opened afresh, read the same.
  await first.reload();
  await unlockOrganizer(first, '2468');
  await expectEverything(first, names);
  const fresh = await context.newPage();
  await openApp(fresh);
  await unlockOrganizer(fresh, '2468');
  await expectEverything(fresh, names);
  const again = await storedEvents(fresh);
  expect(again.count).toBe(total);
  expect(again.distinct).toBe(total);

  console.log(
    `tabs: ${TABS} tabs × ${1 + AWARDS} actions at once = ${actions} concurrent actions; ` +
    `${stored.count} events stored (${stored.distinct} distinct), ${Object.keys(stored.perReplica).length} replicas; ` +
    `every tab and a reload show all ${total}: none lost, none duplicated`,
  );
});

test('two tabs opened at the same moment both work', async ({ context }) => {
  const setup = await context.newPage();
  await openApp(setup);
  await becomeOrganizer(setup, '2468');
  await registerVolunteer(setup, { name: '王小明' });
  await setup.close();

  const [a, b] = await Promise.all([context.newPage(), context.newPage()]);
  await Promise.all([openApp(a), openApp(b)]);
  await Promise.all([unlockOrganizer(a, '2468'), unlockOrganizer(b, '2468')]);
  await Promise.all([
    registerVolunteer(a, { name: '李四' }),
    registerVolunteer(b, { name: '张三' }),
  ]);
  for (const page of [a, b]) {
    const list = await openVolunteers(page);
    await expect(list.getByRole('listitem')).toHaveCount(3);
    for (const name of ['王小明', '李四', '张三']) {
      await expect(list.getByRole('link', { name: new RegExp(name) })).toBeVisible();
    }
  }
  const stored = await storedEvents(a);
  expect(stored.count).toBe(3);
  expect(stored.distinct).toBe(3);
  // Each tab wrote under a replica of its own.
  expect(Object.keys(stored.perReplica)).toHaveLength(3);

  await b.reload();
  await unlockOrganizer(b, '2468');
  const list = await openVolunteers(b);
  await expect(list.getByRole('listitem')).toHaveCount(3);
});

// One community, many devices, live (issue 15): an organizer's phone and two volunteers'
// phones (three browser contexts at phone size) sync through a real y-sweet on loopback.
// They join by the invitation link, are bound without any file, see what the organizer
// publishes, race for the last place, sign up off line and catch up, and lose nothing
// when the server is killed and restarted.
import { test, expect, mapSetUpdate } from './ysweet.mjs';
import { openApp, becomeOrganizer, registerVolunteer, publishActivity, tab } from '../helpers.mjs';
import { storedEvents } from '../storage-helpers.mjs';
import { invitationLink, joinAndAsk, joinByLink, setSync, syncState } from '../devices-helpers.mjs';

const WANG = { name: '王小明', phone: '13812341234' };
const LI = { name: '李四', phone: '13900001111' };


/** The organizer approves the one device waiting (its request arrived by sync). */
async function approveWaiting(page) {
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '设备', exact: true }).click();
  const pending = page.getByRole('region', { name: '待批准的设备' });
  await pending.getByRole('button', { name: /^批准/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^已批准设备/ })).toBeVisible();
}

async function bound(phone, masked) {
  await tab(phone, '我的').click();
  await expect(phone.getByRole('region', { name: '我的志愿者卡' })).toContainText(masked);
}

/** Publishes an activity on the default day, in the afternoon (not at the morning's time). */
async function publishAfternoon(page, { title, capacity }) {
  await tab(page, '活动').click();
  await page.getByRole('link', { name: '发布活动' }).click();
  const form = page.getByRole('form', { name: '发布活动' });
  await form.getByLabel('活动名称').fill(title);
  await form.getByLabel('类别').fill('健康');
  await form.getByLabel('地点').fill('社区卫生站');
  await form.getByLabel('名额').fill(String(capacity));
  for (const [label, time] of [['开始时间', '14:00'], ['结束时间', '16:00']]) {
    const day = (await form.getByLabel(label).inputValue()).slice(0, 10);
    await form.getByLabel(label).fill(`${day}T${time}`);
  }
  await form.getByRole('button', { name: '发布' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

async function openActivity(page, title) {
  await tab(page, '活动').click();
  await page.getByRole('link', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('three phones join by the link, are bound live, and agree on everything, through an outage of the server', async ({ ysweet, browser }) => {
  const contexts = await Promise.all([0, 1, 2].map(() => browser.newContext()));
  const [organizer, wang, li] = await Promise.all(contexts.map((c) => c.newPage()));

  await openApp(organizer);
  await becomeOrganizer(organizer);
  await registerVolunteer(organizer, WANG);
  await registerVolunteer(organizer, LI);
  await setSync(organizer, ysweet);
  const link = await invitationLink(organizer);
  expect(link).not.toContain(ysweet.key);

  // Both phones join by the link and ask to be bound; the requests arrive live.
  await joinAndAsk(wang, link, WANG);
  await approveWaiting(organizer);
  await bound(wang, '王*明');
  await joinAndAsk(li, link, LI);
  await approveWaiting(organizer);
  await bound(li, '李*');

  // An activity published on the organizer's phone appears on both phones.
  await publishActivity(organizer, { title: '楼道清扫', capacity: 1 });
  await openActivity(wang, '楼道清扫');
  await openActivity(li, '楼道清扫');

  // The last place, taken on two phones at once: one seat and one waitlist place, the
  // same on every device.
  await Promise.all([
    wang.getByRole('button', { name: '报名', exact: true }).click(),
    li.getByRole('button', { name: '报名', exact: true }).click(),
  ]);
  const outcome = async (page) => {
    await expect(syncState(page)).toHaveText('已同步');
    return page.getByText(/^我的状态：/).innerText();
  };
  await expect(async () => {
    const both = [await outcome(wang), await outcome(li)].sort();
    expect(both).toEqual(['我的状态：候补第 1 位', '我的状态：已报名']);
  }).toPass();
  await openActivity(organizer, '楼道清扫');
  await expect(organizer.getByText('余 0 / 1 名额')).toBeVisible();

  // A sign-up made off line arrives once the phone is back on line.
  await publishAfternoon(organizer, { title: '义诊', capacity: 5 });
  await openActivity(li, '义诊');
  await contexts[2].setOffline(true);
  await expect(syncState(li)).toContainText('等待网络');
  await li.getByRole('button', { name: '报名', exact: true }).click();
  await expect(li.getByText('我的状态：已报名')).toBeVisible();
  await openActivity(organizer, '义诊');
  await expect(organizer.getByText('余 5 / 5 名额')).toBeVisible();
  await contexts[2].setOffline(false);
  await expect(syncState(li)).toHaveText('已同步');
  await expect(organizer.getByText('余 4 / 5 名额')).toBeVisible();

  // The server killed mid-way (before its checkpoint) and restarted: nothing is lost,
  // and what happened while it was down arrives.
  await ysweet.kill();
  await expect(syncState(organizer)).not.toHaveText('已同步');
  await publishActivity(organizer, { title: '重阳敬老', capacity: 3 });
  await ysweet.restart();
  for (const page of [organizer, wang, li]) {
    await expect(syncState(page)).toHaveText('已同步');
  }
  await openActivity(wang, '重阳敬老');
  await openActivity(wang, '义诊');
  await expect(wang.getByText('余 4 / 5 名额')).toBeVisible();

  // A volunteer's phone holds no other person's phone number or full name, and no
  // organizer-only log.
  for (const [page, other] of [[wang, LI], [li, WANG]]) {
    const held = await storedEvents(page);
    expect(held.personal).toBe(0);
    const texts = held.strings.join('\n');
    expect(texts).not.toContain(other.phone);
    expect(texts).not.toContain(other.name);
  }
  await Promise.all(contexts.map((c) => c.close()));
});

test('a phone that looks its volunteer up before the community has arrived is told so, and finds them when it does', async ({ ysweet, browser }) => {
  const [orgContext, phoneContext] = await Promise.all([browser.newContext(), browser.newContext()]);
  const [organizer, phone] = await Promise.all([orgContext.newPage(), phoneContext.newPage()]);
  await openApp(organizer);
  await becomeOrganizer(organizer);
  await registerVolunteer(organizer, WANG);
  await setSync(organizer, ysweet);
  const link = await invitationLink(organizer);

  // The server is down while the phone joins: nothing of the community has come.
  await ysweet.stop();
  await joinByLink(phone, link);
  await expect(syncState(phone)).not.toHaveText('已同步');
  const find = phone.getByRole('form', { name: '找到我' });
  await find.getByLabel('手机号或志愿者编号').fill(WANG.phone);
  await find.getByRole('button', { name: '查找' }).click();
  await expect(phone.getByRole('status').filter({ hasText: '社区的记录还没有全部收到，收到后会自动再找一次。' })).toBeVisible();
  await expect(phone.getByRole('alert')).toHaveCount(0);

  // Back: the records arrive and the same search finds the volunteer, with no second tap.
  await ysweet.restart();
  await expect(syncState(phone)).toHaveText('已同步');
  await expect(phone.getByRole('button', { name: /申请绑定这台手机/ })).toBeVisible();

  // With everything here, a number nobody has is not found.
  await find.getByLabel('手机号或志愿者编号').fill('13000000000');
  await find.getByRole('button', { name: '查找' }).click();
  await expect(phone.getByRole('alert')).toHaveText('没有找到。请核对号码，或请社区工作者帮你登记。');
  await find.getByLabel('手机号或志愿者编号').fill(WANG.phone);
  await find.getByRole('button', { name: '查找' }).click();
  await phone.getByRole('button', { name: /申请绑定这台手机/ }).click();
  await expect(phone.getByRole('status').filter({ hasText: '已申请，等待社区工作者批准。' })).toBeVisible();
  await Promise.all([orgContext, phoneContext].map((c) => c.close()));
});

test("a segment changed by someone holding the community's token counts on no device and is stored nowhere", async ({ ysweet, browser }) => {
  const contexts = await Promise.all([0, 1].map(() => browser.newContext()));
  const [organizer, phone] = await Promise.all(contexts.map((c) => c.newPage()));
  await openApp(organizer);
  await becomeOrganizer(organizer);
  await registerVolunteer(organizer, WANG);
  await organizer.getByRole('link', { name: /王小明/ }).click();
  const form = organizer.getByRole('form', { name: '奖励积分' });
  await form.getByLabel('积分').fill('5');
  await form.getByLabel('原因').fill('清扫');
  await form.getByRole('button', { name: '奖励积分' }).click();
  await setSync(organizer, ysweet);
  await joinByLink(phone, await invitationLink(organizer));
  await expect(syncState(phone)).toHaveText('已同步');

  // Someone with the invitation's token (a volunteer's rights on the community's
  // document) writes an honest segment with one character changed, at a place of its own.
  const { id, key, text } = await organizer.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('linli/s/'));
    return { id: JSON.parse(localStorage.getItem('linli/community')).id, key, text: localStorage.getItem(key) };
  });
  const middle = Math.floor(text.length / 2);
  const changed = text.slice(0, middle)
    + String.fromCodePoint(((text.codePointAt(middle) - 0x20 + 1) % 0x7fff) + 0x20) + text.slice(middle + 1);
  const place = key.replace(/^linli\//, '').replace(/\/(\d+)$/, (_, n) => `/${Number(n) + 7}`);
  const doc = `linli-${id}`;
  const response = await ysweet.update(doc, mapSetUpdate('segments', [[place, changed]]), {
    token: ysweet.token(doc, 'full'),
  });
  expect(response.ok).toBe(true);

  // The organizer's device lists it as a segment whose seal did not verify; neither
  // device stores it, and the balance is what the organizer awarded.
  await organizer.getByRole('link', { name: '管理模式' }).click();
  await organizer.getByRole('link', { name: '未计入的记录' }).click();
  await expect(organizer.getByRole('list', { name: '签名不符的数据段' }).getByRole('listitem')).toHaveCount(1);
  for (const page of [organizer, phone]) {
    await expect(syncState(page)).toHaveText('已同步');
    expect(await page.evaluate((k) => localStorage.getItem(k), `linli/${place}`)).toBeNull();
  }
  await organizer.getByRole('link', { name: '管理模式' }).click();
  await organizer.getByRole('link', { name: '志愿者', exact: true }).click();
  await organizer.getByRole('link', { name: /王小明/ }).click();
  await expect(organizer.getByText('积分余额').locator('..')).toContainText('5');
  await Promise.all(contexts.map((c) => c.close()));
});

// A sync token that has expired (issue 15's tokens): the phone reads the expiry from the
// token, says so in the header and knocks at no server; a newer invitation link renews
// the token on the device that joined already, and it syncs again.
import { test, expect } from './ysweet.mjs';
import { openApp, becomeOrganizer, publishActivity, tab } from '../helpers.mjs';
import { invitationCode, invitationLink, joinByLink, setSync, syncState } from '../devices-helpers.mjs';

/** The invitation link with its token replaced (the code's fourth part). */
function withToken(link, token) {
  const [page, code] = link.split('#/join/');
  const parts = code.split('.');
  expect(parts).toHaveLength(4);
  const [id, name, server] = parts;
  const text = (part) => Buffer.from(part, 'hex').toString('utf8');
  return `${page}#/join/${invitationCode(id, text(name), text(server), token)}`;
}

test('a phone whose invitation has expired says so and what to do, and a newer link brings it back', async ({ ysweet, browser }) => {
  const [orgContext, phoneContext] = await Promise.all([browser.newContext(), browser.newContext()]);
  const [organizer, phone] = await Promise.all([orgContext.newPage(), phoneContext.newPage()]);
  await openApp(organizer);
  await becomeOrganizer(organizer);
  await publishActivity(organizer, { title: '过期后的义诊' });
  await setSync(organizer, ysweet);
  const link = await invitationLink(organizer);
  const community = link.split('#/join/')[1].split('.')[0];
  // An invitation minted a year ago: its token ended a minute ago.
  const stale = withToken(link, ysweet.token(`linli-${community}`, 'full', Date.now() - 60_000));

  const workers = [];
  phone.on('request', (request) => {
    if (/sync-worker|linli_sync/.test(request.url())) workers.push(request.url());
  });
  await joinByLink(phone, stale);
  const expired = phone.getByRole('banner').getByRole('button', { name: '同步已过期' });
  await expect(expired).toBeVisible();
  await expired.click();
  await expect(phone.getByRole('alert')).toContainText('请向社区工作者要一个新的邀请链接');
  await tab(phone, '活动').click();
  await expect(phone.getByRole('link', { name: /过期后的义诊/ })).toHaveCount(0);
  expect(workers, 'no sync worker is started for a token the server would refuse').toEqual([]);

  // The organizer's link of today: the phone, a member already, is offered the renewal.
  await phone.goto('/' + new URL(link).hash);
  await expect(phone.getByText('这个邀请带有新的同步设置')).toBeVisible();
  await phone.getByRole('button', { name: '使用这个新邀请' }).click();
  await expect(phone.getByRole('status').filter({ hasText: '同步邀请已更新。' })).toBeVisible();
  await expect(syncState(phone)).toHaveText('已同步');
  expect(workers.length, 'the worker is seen when it does start').toBeGreaterThan(0);
  await tab(phone, '活动').click();
  await expect(phone.getByRole('link', { name: /过期后的义诊/ })).toBeVisible();

  // The same link again changes nothing and offers nothing.
  await phone.goto('/' + new URL(link).hash);
  await expect(phone.getByText('这台设备已经加入了这个社区')).toBeVisible();
  await expect(phone.getByRole('button', { name: '使用这个新邀请' })).toHaveCount(0);
  await Promise.all([orgContext.close(), phoneContext.close()]);
});

test('a token that expires while the page is open: the header says so when it does', async ({ ysweet, browser }) => {
  const [orgContext, phoneContext] = await Promise.all([browser.newContext(), browser.newContext()]);
  const [organizer, phone] = await Promise.all([orgContext.newPage(), phoneContext.newPage()]);
  await openApp(organizer);
  await becomeOrganizer(organizer);
  await setSync(organizer, ysweet);
  const link = await invitationLink(organizer);
  const community = link.split('#/join/')[1].split('.')[0];
  // A portal's short-lived token: good for a few seconds more.
  const ends = Date.now() + 8_000;
  await joinByLink(phone, withToken(link, ysweet.token(`linli-${community}`, 'full', ends)));
  await expect(syncState(phone)).toHaveText('已同步');
  // Nothing is tapped: the phone notices the moment the token ends.
  const expired = phone.getByRole('banner').getByRole('button', { name: '同步已过期' });
  await expect(expired).toBeVisible({ timeout: 30_000 });
  expect(Date.now()).toBeGreaterThanOrEqual(ends);
  await expect(syncState(phone)).toHaveCount(0);
  await Promise.all([orgContext.close(), phoneContext.close()]);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInWithOtp, TestClient, type TestContext } from '../support/app';
import { personBody, put } from '../support/citizen';

describe('notices (the inbox)', () => {
  let ctx: TestContext;
  let client: TestClient;
  let stranger: TestClient;
  let accountId: string;
  let childId: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    client = new TestClient(ctx.app);
    stranger = new TestClient(ctx.app, '10.0.0.2');
    accountId = (await signInWithOtp(ctx, client, '0915000001')).me.userId;
    await signInWithOtp(ctx, stranger, '0915000002');
    await put(client, '/api/me/profile', personBody());
    childId = (
      await client.post('/api/persons', personBody({ fullName: 'Đặng Mai Anh', idNumber: undefined }))
    ).json().person.id;
  });
  afterAll(() => ctx.close());

  it('is empty at first', async () => {
    expect((await client.get('/api/notices')).json()).toEqual({ notices: [], unread: 0 });
  });

  it('lists what other features sent, newest first, with the person it is about', async () => {
    await ctx.services.notices.notify(accountId, null, 'info', {});
    ctx.clock.advance(1000);
    await ctx.services.notices.notify(accountId, childId, 'exposure', {
      pointName: 'Chợ Đồng Xoài',
      at: '2026-03-01T08:00:00Z',
    });
    const res = await client.get('/api/notices');
    expect(res.statusCode).toBe(200);
    const { notices, unread } = res.json();
    expect(unread).toBe(2);
    expect(notices[0]).toEqual({
      id: expect.any(String),
      personId: childId,
      personName: 'Đặng Mai Anh',
      kind: 'exposure',
      params: { pointName: 'Chợ Đồng Xoài', at: '2026-03-01T08:00:00Z' },
      createdAt: expect.any(String),
      readAt: null,
    });
    expect(notices[1]).toMatchObject({ kind: 'info', personId: null, personName: null, params: {} });
    expect((await stranger.get('/api/notices')).json()).toEqual({ notices: [], unread: 0 });
  });

  it('marks one read, keeps the first reading time, and counts what stays unread', async () => {
    const [first] = (await client.get('/api/notices')).json().notices;
    expect((await client.post(`/api/notices/${first.id}/read`)).json()).toEqual({ unread: 1 });
    const readAt = (await client.get('/api/notices')).json().notices[0].readAt;
    expect(readAt).toEqual(expect.any(String));
    ctx.clock.advance(60_000);
    expect((await client.post(`/api/notices/${first.id}/read`)).json()).toEqual({ unread: 1 });
    expect((await client.get('/api/notices')).json().notices[0].readAt).toBe(readAt);
  });

  it('gives another account 404 on my notice', async () => {
    const [first] = (await client.get('/api/notices')).json().notices;
    const res = await stranger.post(`/api/notices/${first.id}/read`);
    expect(res.statusCode).toBe(404);
    expect((await client.get('/api/notices')).json().unread).toBe(1);
  });

  it('marks all read', async () => {
    await ctx.services.notices.notify(accountId, null, 'follow_up', { communeName: 'Phường Đồng Xoài' });
    expect((await client.get('/api/notices')).json().unread).toBe(2);
    expect((await client.post('/api/notices/read-all')).json()).toEqual({ unread: 0 });
    const { notices, unread } = (await client.get('/api/notices')).json();
    expect(unread).toBe(0);
    expect(notices.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    expect((await client.get('/api/notices?limit=1')).json().notices).toHaveLength(1);
  });
});

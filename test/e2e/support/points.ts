import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';

/** The id of one of the signed-in user's points, by name. */
export async function myPointId(page: Page, name: string): Promise<string> {
  const res = await page.request.get('/api/me/points');
  if (!res.ok()) throw new Error(`/api/me/points: ${res.status()} ${await res.text()}`);
  const { points } = (await res.json()) as { points: { id: string; name: string }[] };
  const point = points.find((p) => p.name === name);
  if (!point) throw new Error(`No point named ${name}`);
  return point.id;
}

/** The CSRF header a state-changing request of this browser context needs. */
export async function csrfHeader(context: BrowserContext): Promise<Record<string, string>> {
  const cookie = (await context.cookies()).find((c) => c.name === 'vaora_csrf');
  if (!cookie) throw new Error('No CSRF cookie');
  return { 'x-csrf-token': decodeURIComponent(cookie.value) };
}

export interface CheckInRowView {
  id: string;
  fullName: string | null;
  method: string;
  direction: string;
}

/** The check-ins the server has stored for a point (as its staff or owner sees them). */
export async function pointCheckIns(
  api: APIRequestContext,
  pointId: string,
): Promise<{ rows: CheckInRowView[]; total: number }> {
  const res = await api.get(`/api/points/${pointId}/check-ins?pageSize=200`);
  if (!res.ok()) throw new Error(`check-ins: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { rows: CheckInRowView[]; total: number };
}

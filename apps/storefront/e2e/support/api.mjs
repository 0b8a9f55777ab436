/**
 * The API directly, for what another party does in a scenario (a cooperative ships, a buyer admin sets the
 * approval threshold) or for putting things back as they were. The buyer's own steps go through the browser.
 */
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { DEMO_PASSWORD } from './browser.mjs';

export async function call(method, path, token, body) {
  const res = await fetch(`${process.env.API_URL}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => null);
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Signs a demo account in; returns its token and its first buyer organisation's id. */
export async function signInApi(email) {
  const { token, user } = await call('POST', '/api/auth/sign-in', null, { email, password: DEMO_PASSWORD });
  return { token, organisationId: user.memberships.find((m) => m.organisationKind === 'buyer')?.organisationId ?? null };
}

/** The business day in China, as the API counts days. */
export function chinaToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/**
 * A small photo-like PNG (a field of brown potatoes on green, 120×90), made here so the screenshots show
 * something; the API only checks that the bytes are a PNG.
 */
export const PNG = potatoPng(120, 90);

function potatoPng(width, height) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // no filter
    for (let x = 0; x < width; x++) {
      const inPotato = [[35, 40, 22, 16], [80, 50, 26, 18], [60, 25, 18, 12]].some(([cx, cy, rx, ry]) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1);
      const [r, g, b] = inPotato ? [176, 128, 72] : [60 + (y % 7) * 4, 120, 70];
      raw.set([r, g, b], y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

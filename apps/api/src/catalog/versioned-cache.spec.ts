import { catalogVersion } from './catalog-version';
import { VersionedCache } from './versioned-cache';

describe('VersionedCache', () => {
  let clock = 0;
  const cache = () => new VersionedCache<string>(2_000, 2, () => clock);

  beforeEach(() => {
    clock = 1_000_000;
  });

  it('answers from memory within the time to live, and loads again after it', async () => {
    const c = cache();
    let calls = 0;
    const load = jest.fn(async (): Promise<string> => `v${++calls}`);
    expect(await c.get('a', load)).toBe('v1');
    clock += 1_999;
    expect(await c.get('a', load)).toBe('v1');
    clock += 1;
    expect(await c.get('a', load)).toBe('v2');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('drops every entry when this process changes the catalog', async () => {
    const c = cache();
    let calls = 0;
    const load = jest.fn(async (): Promise<string> => `v${++calls}`);
    await c.get('a', load);
    catalogVersion.bump();
    expect(await c.get('a', load)).toBe('v2');
  });

  it('shares one load among concurrent misses of a key, and does not keep a failure', async () => {
    const c = cache();
    let release: (v: string) => void = () => undefined;
    const slow = jest.fn(() => new Promise<string>((r) => (release = r)));
    const both = Promise.all([c.get('a', slow), c.get('a', slow)]);
    release('once');
    expect(await both).toEqual(['once', 'once']);
    expect(slow).toHaveBeenCalledTimes(1);

    const failing = jest.fn(async () => {
      throw new Error('database away');
    });
    await expect(c.get('b', failing)).rejects.toThrow('database away');
    expect(await c.get('b', async () => 'back')).toBe('back');
  });

  it('lets the oldest entry go when full', async () => {
    const c = cache();
    const load = (v: string) => async () => v;
    await c.get('a', load('a1'));
    await c.get('b', load('b1'));
    await c.get('c', load('c1'));
    expect(await c.get('b', load('b2'))).toBe('b1');
    expect(await c.get('a', load('a2'))).toBe('a2');
  });
});

import type { CatalogQuery } from '../catalog/catalog.queries';
import { businessDay } from '@shanhai/domain';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BUYER_ORG_ID, catalogItem, catalogPage, PAIRINGS, SCHOOL_SESSION, SCHOOL_SITES } from '../testing/fixtures';
import { fakeApi, json } from '../testing/fake-api';
import { rememberSession, renderStorefront } from '../testing/render-storefront';

const month = Number(businessDay().slice(5, 7));
const other = (month % 12) + 1;

function homeApi() {
  return fakeApi({
    'GET /api/pairings': () => json(PAIRINGS),
    'GET /api/catalog/products': (_request, url) => {
      const query = Object.fromEntries(url.searchParams) as Partial<Record<keyof CatalogQuery, string>>;
      if (query.certified === 'true') {
        return json(
          catalogPage([catalogItem({ id: 's1', nameZh: '当季土豆', seasons: [month] }), catalogItem({ id: 'c1', nameZh: '党参蜂蜜', nameEn: 'Codonopsis blossom honey' })], { total: 36 }),
        );
      }
      return json(
        catalogPage([
          catalogItem({ id: 's1', nameZh: '当季土豆', nameEn: 'In-season potatoes', seasons: [month] }),
          catalogItem({ id: 's2', nameZh: '过季苹果', nameEn: 'Out-of-season apples', seasons: [other] }),
        ]),
      );
    },
    'GET /api/auth/me': () => json(SCHOOL_SESSION.user),
    [`GET /api/organisations/${BUYER_ORG_ID}/delivery-sites`]: () => json(SCHOOL_SITES),
    [`GET /api/organisations/${BUYER_ORG_ID}`]: () => json({ id: BUYER_ORG_ID, kind: 'buyer', name: '东澜市第一中学', nameEn: 'Donglan No. 1 Middle School', verificationStatus: 'verified' }),
    'GET /api/divisions/*': (_request, url) => {
      const names: Record<string, [string, string]> = { '339800': ['东澜市', 'Donglan City'], '339900': ['海滨市', 'Haibin City'], '629801': ['青崖县', 'Qingya County'], '629802': ['白石县', 'Baishi County'], '629901': ['北山县', 'Beishan County'] };
      const code = url.pathname.split('/').at(-1) ?? '';
      const [name, nameEn] = names[code] ?? [code, null];
      return json({ code, name, nameEn, level: 'county', parentCode: null, path: [] });
    },
  });
}

describe('HomePage', () => {
  it('lists every pairing for an anonymous visitor, each county linking to its products', async () => {
    renderStorefront('/', homeApi());

    expect(await screen.findByRole('heading', { name: '东西部协作结对县' })).toBeTruthy();
    const cards = await screen.findAllByTestId('pairing');
    expect(cards).toHaveLength(2);
    const donglan = cards.find((card) => card.textContent?.includes('东澜市—云岭州东西部协作'));
    expect(donglan).toBeTruthy();
    const county = within(donglan as HTMLElement).getByRole('link', { name: /青崖县/ });
    expect(county.getAttribute('href')).toBe('/browse?county=629801');
  });

  it("puts the signed-in buyer's city's pairing first", async () => {
    rememberSession('shs_test_token');
    renderStorefront('/', homeApi());

    expect(await screen.findByRole('heading', { name: '您所在城市的结对县' })).toBeTruthy();
    const cards = await screen.findAllByTestId('pairing');
    expect(within(cards[0]).getByRole('heading', { level: 3 }).textContent).toContain('东澜市—云岭州东西部协作');
    expect(within(cards[0]).getByText('您的城市')).toBeTruthy();
    expect((await screen.findByTestId('organisation-name')).textContent).toBe('东澜市第一中学');
  });

  it('shows only the products in season this month, then other certified ones with a link to all of them', async () => {
    renderStorefront('/', homeApi());

    const seasonal = await screen.findByRole('region', { name: new RegExp(`当季产品 · ${month}月`) });
    expect(await within(seasonal).findByRole('link', { name: '当季土豆' })).toBeTruthy();
    expect(within(seasonal).queryByRole('link', { name: '过季苹果' })).toBeNull();

    const certified = screen.getByRole('region', { name: '认定帮扶产品' });
    expect(await within(certified).findByRole('link', { name: '党参蜂蜜' })).toBeTruthy();
    expect(within(certified).queryByRole('link', { name: '当季土豆' })).toBeNull();
    expect(within(certified).getByRole('link', { name: '查看全部 36 件' }).getAttribute('href')).toBe('/browse?certified=true');
  });

  it('in English, names pairings, counties, products and the organisation in English', async () => {
    rememberSession('shs_test_token');
    renderStorefront('/', homeApi(), { language: 'en' });

    expect(await screen.findByRole('heading', { name: "Your city's paired counties" })).toBeTruthy();
    expect(await screen.findByText('Qingya County')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'In-season potatoes' })).toBeTruthy();
    expect(await screen.findByText('Donglan No. 1 Middle School')).toBeTruthy();
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { POTATO_ID, productDetail } from '../testing/fixtures';
import { apiError, fakeApi, json } from '../testing/fake-api';
import { renderStorefront } from '../testing/render-storefront';

describe('ProductPage', () => {
  it('shows the certificate, the origin path, the tier table, the lots and the supplier', async () => {
    const api = fakeApi({ [`GET /api/catalog/products/${POTATO_ID}`]: () => json(productDetail()) });
    renderStorefront(`/products/${POTATO_ID}`, api);

    expect(await screen.findByRole('heading', { level: 1, name: '高山黄心土豆' })).toBeTruthy();

    const certificate = screen.getByRole('region', { name: '帮扶产品认定' });
    expect(within(certificate).getByText('云岭帮认〔2026〕0001号')).toBeTruthy();
    expect(within(certificate).getByText('云岭州乡村振兴局')).toBeTruthy();
    expect(within(certificate).getByText((_, el) => el?.tagName === 'DD' && el.textContent === '2026-01-01 至 2027-12-31')).toBeTruthy();
    expect(within(certificate).getByText('210 户')).toBeTruthy();
    expect(within(certificate).getByText('务工收入、经营收入')).toBeTruthy();

    const origin = screen.getByRole('list', { name: '产地' });
    expect(within(origin).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['甘肃省', '云岭州', '青崖县']);
    expect(within(origin).getByRole('link', { name: '青崖县' }).getAttribute('href')).toBe('/browse?county=629801');

    const tiers = screen.getByRole('table', { name: '阶梯价格（每10公斤箱）' });
    expect(within(tiers).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['5 – 49¥38.00', '50 – 199¥35.00', '200 及以上¥32.00']);
    const fact = (term: string) => screen.getByText(term, { selector: '.sku dt' }).nextElementSibling?.textContent;
    expect(fact('起订量')).toBe('5 × 10公斤箱');
    expect(fact('订购倍数')).toBe('5 × 10公斤箱');
    expect(fact('净重')).toBe('10 公斤');
    expect(fact('备货期')).toBe('2 天');
    expect(fact('库存')).toBe('340 × 10公斤箱');

    const lots = screen.getByRole('table', { name: '采收批次（可追溯）' });
    expect(within(lots).getByText('2026-09-30')).toBeTruthy();
    expect(within(lots).getByText('青崖县梁家坪种薯基地')).toBeTruthy();

    const supplier = screen.getByRole('region', { name: '供应商' });
    expect(within(supplier).getByText('186 户')).toBeTruthy();
    expect(within(supplier).getByRole('link', { name: '查看该供应商的全部产品' }).getAttribute('href')).toContain('supplier=5d9fb077');
  });

  it('says "not certified" for a product without a certificate', async () => {
    const api = fakeApi({ [`GET /api/catalog/products/${POTATO_ID}`]: () => json(productDetail({ certificate: null })) });
    renderStorefront(`/products/${POTATO_ID}`, api);

    const certificate = await screen.findByRole('region', { name: '帮扶产品认定' });
    expect(within(certificate).getByText('未认定')).toBeTruthy();
    expect(within(certificate).getByText('该产品尚未取得帮扶产品认定证书。')).toBeTruthy();
  });

  it('marks a revoked certificate as no longer in force', async () => {
    const revoked = productDetail().certificate;
    const api = fakeApi({
      [`GET /api/catalog/products/${POTATO_ID}`]: () => json(productDetail({ certificate: revoked && { ...revoked, revokedOn: '2026-06-01', certifiedToday: false } })),
    });
    renderStorefront(`/products/${POTATO_ID}`, api);

    expect(await screen.findByText('认定已撤销')).toBeTruthy();
    expect(screen.getByText('2026-06-01')).toBeTruthy();
  });

  it('shows English names and units in English, Chinese where there is no English', async () => {
    const api = fakeApi({ [`GET /api/catalog/products/${POTATO_ID}`]: () => json(productDetail()) });
    renderStorefront(`/products/${POTATO_ID}`, api, { language: 'en' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Highland yellow-flesh potatoes' })).toBeTruthy();
    const origin = screen.getByRole('list', { name: 'Origin' });
    expect(within(origin).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['甘肃省', 'Yunling Prefecture', 'Qingya County']);
    expect(screen.getByRole('table', { name: 'Tier prices (per 10 kg case)' })).toBeTruthy();
    expect(screen.getByText('wages, operating income')).toBeTruthy();
  });

  it('says the product is not there for an unknown id', async () => {
    const api = fakeApi({ 'GET /api/catalog/products/*': () => apiError(404, 'PRODUCT_NOT_FOUND', 'product x not found') });
    renderStorefront('/products/00000000-0000-4000-8000-000000000000', api);

    expect(await screen.findByRole('heading', { level: 1, name: '没有找到这个产品' })).toBeTruthy();
  });
});

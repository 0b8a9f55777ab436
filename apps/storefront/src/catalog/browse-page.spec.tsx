import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { catalogItem, catalogPage } from '../testing/fixtures';
import { apiError, fakeApi, json } from '../testing/fake-api';
import { renderStorefront } from '../testing/render-storefront';

const potatoes = [
  catalogItem(),
  catalogItem({ id: 'f44378ef-7362-487f-9987-ff3e41d98e19', nameZh: '青崖马铃薯 (土豆) 大个', nameEn: 'Qingya large potatoes', minPriceFen: 4600 }),
];

describe('BrowsePage', () => {
  it('asks the API for what the URL says and shows the products with their facets', async () => {
    const api = fakeApi({ 'GET /api/catalog/products': () => json(catalogPage(potatoes)) });
    renderStorefront('/browse?q=土豆&certified=true&page=1', api);

    expect(await screen.findByRole('heading', { level: 1, name: '“土豆”的搜索结果' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: '高山黄心土豆' })).toBeTruthy();
    expect(screen.getByText('共 2 件产品')).toBeTruthy();
    expect(screen.getByText('¥46.00')).toBeTruthy();
    const sent = api.queriesTo('/api/catalog/products').at(-1);
    expect(sent?.get('q')).toBe('土豆');
    expect(sent?.get('certified')).toBe('true');
    expect(sent?.get('pageSize')).toBe('24');
  });

  it('narrows by a facet: the link puts the filter in the URL and the API is asked again', async () => {
    const api = fakeApi({ 'GET /api/catalog/products': () => json(catalogPage(potatoes)) });
    const app = renderStorefront('/browse?q=tudou', api);

    const county = await screen.findByRole('link', { name: '白石县（3 件）' });
    await act(async () => {
      fireEvent.click(county);
    });

    await waitFor(() => expect(app.location()).toBe('/browse?q=tudou&county=629802'));
    await waitFor(() => expect(api.queriesTo('/api/catalog/products').at(-1)?.get('county')).toBe('629802'));
    expect(await screen.findByRole('link', { name: '移除条件：白石县' })).toBeTruthy();
  });

  it('turns a price typed in yuan into integer fen in the URL', async () => {
    const api = fakeApi({ 'GET /api/catalog/products': () => json(catalogPage(potatoes)) });
    const app = renderStorefront('/browse', api);

    fireEvent.change(await screen.findByLabelText('最低价'), { target: { value: '30.5' } });
    fireEvent.change(screen.getByLabelText('最高价'), { target: { value: '46' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '应用价格' }));
    });

    await waitFor(() => expect(app.location()).toBe('/browse?priceMinFen=3050&priceMaxFen=4600'));
  });

  it('refuses a price range upside down before asking the API', async () => {
    const api = fakeApi({ 'GET /api/catalog/products': () => json(catalogPage(potatoes)) });
    const app = renderStorefront('/browse', api);

    fireEvent.change(await screen.findByLabelText('最低价'), { target: { value: '50' } });
    fireEvent.change(screen.getByLabelText('最高价'), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: '应用价格' }));

    expect(await screen.findByText('最高价不能低于最低价')).toBeTruthy();
    expect(app.location()).toBe('/browse');
  });

  it('changes the sort through the URL', async () => {
    const api = fakeApi({ 'GET /api/catalog/products': () => json(catalogPage(potatoes)) });
    const app = renderStorefront('/browse?q=土豆', api);

    fireEvent.change(await screen.findByLabelText('排序'), { target: { value: 'price_asc' } });

    await waitFor(() => expect(app.location()).toBe(`/browse?q=${encodeURIComponent('土豆')}&sort=price_asc`));
  });

  it('says so when nothing matches, with a way back', async () => {
    const api = fakeApi({ 'GET /api/catalog/products': () => json(catalogPage([])) });
    renderStorefront('/browse?q=榴莲&inStock=true', api);

    expect(await screen.findByText('没有找到符合条件的产品')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: '清除全部条件' }).length).toBeGreaterThan(0);
  });

  it('shows an error with a retry when the API fails, and recovers', async () => {
    let fail = true;
    const api = fakeApi({
      'GET /api/catalog/products': () => (fail ? apiError(500, 'INTERNAL', 'internal error; it has been logged') : json(catalogPage(potatoes))),
    });
    renderStorefront('/browse', api);

    expect(await screen.findByText('产品加载失败')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));

    expect(await screen.findByRole('link', { name: '高山黄心土豆' })).toBeTruthy();
  });

  it('pages through results with links that keep the filters', async () => {
    const api = fakeApi({ 'GET /api/catalog/products': () => json(catalogPage(potatoes, { total: 60 })) });
    renderStorefront('/browse?category=potatoes', api);

    const next = await screen.findByRole('link', { name: '下一页' });
    expect(next.getAttribute('href')).toBe('/browse?category=potatoes&page=2');
  });
});

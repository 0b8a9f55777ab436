import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COOP_ID, PRODUCT_DETAIL, PRODUCT_ID, SKU_ID } from '../../testing/fixtures';
import { apiError, json } from '../../testing/fake-api';
import { cooperativeApi } from '../../testing/portal-api';
import { rememberSession, renderPortal } from '../../testing/render-portal';

const NEW_ID = '99999999-9999-4999-8999-999999999999';

async function click(name: string | RegExp, within_: HTMLElement = document.body) {
  await act(async () => {
    fireEvent.click(within(within_).getByRole('button', { name }));
  });
}

const change = (label: string | RegExp, value: string, container: HTMLElement = document.body) => fireEvent.change(within(container).getByLabelText(label), { target: { value } });

describe('new product', () => {
  it('checks the required fields itself, then posts the product and opens it', async () => {
    rememberSession();
    const api = cooperativeApi({
      [`POST /api/suppliers/${COOP_ID}/products`]: () => json({ id: NEW_ID }, 201),
      [`GET /api/catalog/products/${NEW_ID}`]: () => json({ ...PRODUCT_DETAIL, id: NEW_ID, nameZh: '高原紫土豆', skus: [], status: 'draft', visible: false }),
    });
    const app = renderPortal('/products/new', api);
    await screen.findByRole('heading', { level: 1, name: '新建产品' });
    await click('创建产品');
    expect(screen.getByLabelText('产品名称（中文）').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('品类').getAttribute('aria-invalid')).toBe('true');
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);

    change('产品名称（中文）', ' 高原紫土豆 ');
    await waitFor(() => expect(screen.getByRole('option', { name: '薯类' })).toBeTruthy());
    change('品类', 'potatoes');
    change('保质期（天，选填）', '45');
    change('状态', 'active');
    fireEvent.click(screen.getByLabelText('9月'));
    fireEvent.click(screen.getByLabelText('8月'));
    await click('创建产品');

    await waitFor(() => expect(app.location()).toBe(`/products/${NEW_ID}?created=1`));
    const post = api.requests.find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({
      nameZh: '高原紫土豆',
      categoryCode: 'potatoes',
      originCountyCode: '629801',
      storageClass: 'ambient',
      shelfLifeDays: 45,
      seasons: [8, 9],
      status: 'active',
    });
    expect(await screen.findByText('产品已创建。请添加至少一个规格和价格，再记录批次库存。')).toBeTruthy();
  });
});

describe('SKU form', () => {
  function skuApi() {
    return cooperativeApi({
      [`POST /api/products/${PRODUCT_ID}/skus`]: async (request) => {
        const body = (await request.json()) as { code: string };
        if (body.code === 'POTATO-01-1') return apiError(409, 'SKU_CODE_TAKEN', 'code: SKU code POTATO-01-1 is already in use', [{ field: 'code', reason: 'already in use' }]);
        return json({ id: 'new-sku', ...body }, 201);
      },
      [`PATCH /api/skus/${SKU_ID}`]: () => apiError(400, 'VALIDATION_FAILED', 'priceTiers[0]: tiers must rise in minQuantity', [{ field: 'priceTiers[0]', reason: 'tiers must rise in minQuantity' }]),
    });
  }

  async function openAddForm() {
    rememberSession();
    const api = skuApi();
    renderPortal(`/products/${PRODUCT_ID}`, api);
    await screen.findByRole('heading', { level: 1, name: '高山黄心土豆' });
    await click('添加规格');
    return { api, form: screen.getByTestId('sku-form') };
  }

  it('refuses tiers that do not fall in price, by the domain’s own rule, beside the tier', async () => {
    const { api, form } = await openAddForm();
    change('规格编码', 'QY-ZTD-5KG', form);
    change('包装单位（中文）', '5公斤箱', form);
    change('每件净重（公斤）', '5', form);
    change('单价（元/件）', '30', form);
    await click('添加一档', form);
    change('第 1 档起订数量（件）', '20', form);
    change('第 1 档单价（元/件）', '30.5', form);
    await click('添加规格', form);
    expect(within(form).getByRole('alert').textContent).toBe('第 1 档：单价须低于基础单价和上一档');
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('sends yuan as integer fen and kilograms as grams, and shows a taken code beside the code', async () => {
    const { api, form } = await openAddForm();
    change('规格编码', 'POTATO-01-1', form);
    change('包装单位（中文）', '5公斤箱', form);
    change('每件净重（公斤）', '2.5', form);
    change('单价（元/件）', '0.29', form);
    change('起订量（件）', '4', form);
    change('订购倍数（件）', '2', form);
    change('备货天数', '0', form);
    await click('添加一档', form);
    change('第 1 档起订数量（件）', '50', form);
    change('第 1 档单价（元/件）', '0.25', form);
    await click('添加规格', form);

    const code = within(form).getByLabelText('规格编码');
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById((code.getAttribute('aria-describedby') ?? '').split(' ').pop() ?? '')?.textContent).toBe('already in use');
    const post = api.requests.find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({
      code: 'POTATO-01-1',
      packingUnitZh: '5公斤箱',
      netWeightG: 2500,
      priceFen: 29,
      priceTiers: [{ minQuantity: 50, unitPriceFen: 25 }],
      minOrderQuantity: 4,
      orderMultiple: 2,
      leadTimeDays: 0,
    });
  });

  it('edits a SKU without its code and puts the API’s tier reason on the tier it names', async () => {
    rememberSession();
    const api = skuApi();
    renderPortal(`/products/${PRODUCT_ID}`, api);
    const card = await screen.findByTestId('sku-card');
    await click('编辑', card);
    const form = within(card).getByTestId('sku-form');
    expect(within(form).queryByLabelText('规格编码')).toBeNull();
    expect((within(form).getByLabelText('单价（元/件）') as HTMLInputElement).value).toBe('45');
    expect((within(form).getByLabelText('每件净重（公斤）') as HTMLInputElement).value).toBe('10');
    fireEvent.click(within(form).getByLabelText(/^在售/));
    await click('保存', form);
    expect((await within(form).findByRole('alert')).textContent).toBe('第 1 档：tiers must rise in minQuantity');
    const patch = api.requests.find((r) => r.method === 'PATCH');
    const body = (await patch?.json()) as Record<string, unknown>;
    expect(body.code).toBeUndefined();
    expect(body.active).toBe(false);
    expect(body.priceTiers).toEqual([{ minQuantity: 50, unitPriceFen: 4200 }]);
  });
});

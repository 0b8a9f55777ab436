/**
 * A cooperative runs its shop in the portal: potato@ lists a new product with a SKU (price tiers, minimum, lead
 * time) and a photo, records a lot, imports stock from CSV, applies for certification; a government canteen orders
 * the product on invoice terms (through the API); the cooperative accepts the lines, picks and ships with a tracking
 * number; the canteen receives one case short and rates it; the worker issues the invoice and credits the shortfall,
 * the operator records the transfer, and the cooperative sees the receipt, the claim, the rating and what it earned.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  apiAs,
  CANTEEN,
  chinaToday,
  DESKTOP,
  eventually,
  fieldPng,
  horizontalOverflow,
  openBrowser,
  OPERATOR,
  PHONE,
  POTATO,
  settled,
  shot,
  signIn,
  signOut,
  switchTo,
  unlabelledControls,
  visit,
} from './support/browser.mjs';

const PRODUCT = '高原紫皮土豆';
const SKU = 'QY-ZPTD-5KG';

describe('a cooperative lists a product, receives an order and ships it', () => {
  let browser;
  let page;
  let productId;
  let skuId;
  let supplierOrderId;
  let buyerOrderId;
  const canteen = apiAs(CANTEEN.email);
  const operator = apiAs(OPERATOR.email);

  before(async () => {
    browser = await openBrowser();
    page = await browser.newPage();
  });
  after(async () => {
    const problems = page.problems;
    await browser.close();
    assert.deepEqual(problems, []);
  });

  it('signs in to the cooperative’s overview', async () => {
    await signIn(page, POTATO.email);
    await page.getByRole('heading', { level: 1, name: POTATO.name }).waitFor();
    assert.equal(await page.getByTestId('workspace-role').textContent(), '合作社管理员');
    const nav = page.getByRole('navigation', { name: '门户导航' });
    assert.equal(await nav.getByRole('link', { name: '供应商核验' }).count(), 0, 'no official’s queue for a cooperative');
    await nav.getByRole('link', { name: '统计看板', exact: true }).waitFor();
    await shot(page, 'overview.zh-CN.desktop');
  });

  it('lists a new product with a SKU, tiers and a photo', async () => {
    await page.getByRole('navigation', { name: '门户导航' }).getByRole('link', { name: '产品', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '产品' }).waitFor();
    await settled(page);
    await shot(page, 'products.zh-CN.desktop');
    await page.getByRole('link', { name: '新建产品' }).click();
    await page.getByRole('heading', { level: 1, name: '新建产品' }).waitFor();
    await page.getByLabel('产品名称（中文）').fill(PRODUCT);
    await page.getByLabel('产品名称（英文，选填）').fill('Highland purple potatoes');
    await page.getByLabel('品类', { exact: true }).selectOption('potatoes');
    await page.getByLabel('等级（选填）').fill('一级');
    await page.getByLabel('规格说明（选填）').fill('单个120-250克');
    await page.getByLabel('保质期（天，选填）').fill('90');
    await page.getByLabel('状态', { exact: true }).selectOption('active');
    for (const month of ['8月', '9月', '10月']) await page.getByLabel(month, { exact: true }).check();
    assert.deepEqual(await unlabelledControls(page), []);
    await page.getByRole('button', { name: '创建产品' }).click();
    await page.getByText('产品已创建。').waitFor();
    productId = new URL(page.url()).pathname.split('/').pop();

    const form = page.getByTestId('sku-form');
    await form.getByLabel('规格编码').fill(SKU);
    await form.getByLabel('包装单位（中文）').fill('5公斤箱');
    await form.getByLabel('包装单位（英文，选填）').fill('5 kg case');
    await form.getByLabel('每件净重（公斤）').fill('5');
    await form.getByLabel('单价（元/件）').fill('32');
    await form.getByLabel('起订量（件）').fill('2');
    await form.getByLabel('备货天数').fill('1');
    await form.getByRole('button', { name: '添加一档' }).click();
    await form.getByLabel('第 1 档起订数量（件）').fill('20');
    await form.getByLabel('第 1 档单价（元/件）').fill('33');
    await form.getByRole('button', { name: '添加规格' }).click();
    // The domain's own tier rule, before the API is asked.
    await form.getByText('第 1 档：单价须低于基础单价和上一档').waitFor();
    await form.getByLabel('第 1 档单价（元/件）').fill('30');
    await form.getByRole('button', { name: '添加规格' }).click();
    const card = page.getByTestId('sku-card').filter({ hasText: SKU });
    await card.waitFor();
    await card.getByText('满 20 件').waitFor();

    await page.getByLabel('上传图片').setInputFiles({ name: 'field.png', mimeType: 'image/png', buffer: fieldPng() });
    await page.getByText('图片已上传。').waitFor();
    await page.getByRole('img', { name: `${PRODUCT}，图 1` }).waitFor();
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'product-editor.zh-CN.desktop');

    const detail = await apiAs(POTATO.email).get(`/api/catalog/products/${productId}`);
    assert.equal(detail.visible, true, 'an active product of a verified cooperative is in the catalog');
    assert.deepEqual(detail.skus[0].priceTiers, [{ minQuantity: 20, unitPriceFen: 3000 }]);
    assert.equal(detail.skus[0].priceFen, 3200);
    assert.equal(detail.skus[0].netWeightG, 5000);
    skuId = detail.skus[0].id;
  });

  it('records a lot, and counts stock from a CSV file with a per-row report', async () => {
    await page.getByTestId('sku-card').filter({ hasText: SKU }).getByRole('link', { name: '批次与库存' }).click();
    await page.getByRole('heading', { level: 1, name: `${PRODUCT} · ${SKU} 的批次` }).waitFor();
    const form = page.getByTestId('lot-form');
    await form.getByLabel('生产基地').selectOption({ label: '青崖县石门村马铃薯基地' });
    await form.getByLabel('批次号').fill('ZPTD-2026-A');
    await form.getByLabel('采收日期').fill(chinaToday(-3));
    await form.getByLabel('数量（件）').fill('200');
    await form.getByLabel('检验说明（选填）').fill('农残快检合格');
    await form.getByRole('button', { name: '记录批次' }).click();
    await page.getByTestId('lot-row').filter({ hasText: 'ZPTD-2026-A' }).waitFor();
    await page.getByTestId('sku-stock-total').filter({ hasText: '200' }).waitFor();
    await shot(page, 'lots.zh-CN.desktop');

    await visit(page, '/stock/import');
    await page.getByRole('heading', { level: 1, name: '从 CSV 导入库存与批次' }).waitFor();
    await settled(page);
    const csv = [
      '规格编码,批次号,生产基地,采收日期,数量,可售数量,检验说明',
      `${SKU},ZPTD-2026-B,青崖县梁家坪种薯基地,${chinaToday(-1)},80,,分级抽检合格`,
      `${SKU},ZPTD-2026-A,,,,190,盘点报损 10 件`,
      'NO-SUCH-SKU,X1,青崖县梁家坪种薯基地,2026-01-01,5,,',
    ].join('\n');
    await page.getByLabel('CSV 文件').setInputFiles({ name: 'stock.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-summary').filter({ hasText: '检查完毕：2 行可以导入，1 行有问题（不会导入）。' }).waitFor();
    await page.getByRole('button', { name: '导入 2 行' }).click();
    await page.getByTestId('import-summary').filter({ hasText: '导入完成：成功 2 行，失败 0 行，跳过 1 行。' }).waitFor();
    const rows = page.getByTestId('import-row');
    await rows.nth(0).getByText('已新建').waitFor();
    await rows.nth(1).getByText('已更新').waitFor();
    await rows.nth(2).getByText('本合作社没有规格 NO-SUCH-SKU').waitFor();
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'stock-import.zh-CN.desktop');

    const lots = await apiAs(POTATO.email).get(`/api/skus/${skuId}/lots`);
    assert.deepEqual(
      lots.map((l) => [l.code, l.quantityUnits, l.availableUnits]).sort(),
      [
        ['ZPTD-2026-A', 200, 190],
        ['ZPTD-2026-B', 80, 80],
      ],
    );
    await visit(page, '/stock');
    await page.getByTestId('stock-row').filter({ hasText: SKU }).getByText('270').waitFor();
  });

  it('applies for certification with the evidence', async () => {
    await visit(page, `/certification?product=${productId}`);
    await page.getByRole('heading', { level: 1, name: '帮扶产品认定' }).waitFor();
    await settled(page);
    assert.equal(await page.getByLabel('产品', { exact: true }).inputValue(), productId);
    await page.getByLabel('申请材料说明').fill('产地证明（青崖县农业农村局）、石门村基地种植台账、与 32 户脱贫户的带农增收协议');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('申请已提交，等待监管部门审核。').waitFor();
    await page.getByTestId('certification-row').filter({ hasText: PRODUCT }).getByText('待认定').waitFor();
    await shot(page, 'certification.zh-CN.desktop');
  });

  it('receives a canteen’s order on invoice terms, accepts every line and ships it with a tracking number', async () => {
    const me = await canteen.get('/api/auth/me');
    const organisationId = me.memberships.find((m) => m.organisationKind === 'buyer').organisationId;
    const [site] = await canteen.get(`/api/organisations/${organisationId}/delivery-sites`);
    const order = await canteen.post('/api/orders', { organisationId, deliverySiteId: site.id, deliveryDate: chinaToday(3), paymentMethod: 'invoice', lines: [{ skuId, quantity: 10 }] });
    assert.equal(order.status, 'open', 'an invoice order on approved terms is open at once');
    buyerOrderId = order.id;
    supplierOrderId = order.supplierOrders[0].id;

    await visit(page, '/');
    await page.getByTestId('tile-placed').getByText('1', { exact: true }).waitFor();
    await page.getByRole('link', { name: '去确认订单' }).click();
    await page.getByRole('heading', { level: 1, name: '订单' }).waitFor();
    const row = page.getByTestId('supplier-order-row').filter({ hasText: CANTEEN.name });
    await row.getByText('待确认').waitFor();
    await shot(page, 'orders.zh-CN.desktop');
    await row.getByRole('link', { name: order.number }).click();
    await page.getByRole('heading', { level: 1, name: `订单 ${order.number}` }).waitFor();
    const decision = page.getByTestId('decision-form');
    assert.equal(await decision.getByTestId('decision-line').count(), 1);
    assert.equal(await decision.getByLabel('接受').isChecked(), true);
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'order-decide.zh-CN.desktop');
    await decision.getByRole('button', { name: '提交确认' }).click();
    await page.getByTestId('supplier-order-status').filter({ hasText: '已接单' }).waitFor();

    await page.getByRole('navigation', { name: '门户导航' }).getByRole('link', { name: '拣货单', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '拣货单' }).waitFor();
    const pick = page.getByTestId('pick-skus');
    await pick.getByText(PRODUCT).waitFor();
    await pick.getByText(/ZPTD-2026-A（.*）10 件/).waitFor();
    await page.getByTestId('pick-site').filter({ hasText: site.name }).waitFor();
    await shot(page, 'pick-list.zh-CN.desktop');

    await visit(page, `/orders/${supplierOrderId}`);
    const ship = page.getByTestId('shipment-form');
    await ship.getByLabel('承运商').fill('顺丰速运');
    await ship.getByLabel('运单号').fill('SF-PORTAL-0001');
    assert.equal(await ship.getByLabel('发货日期').inputValue(), chinaToday());
    await ship.getByRole('button', { name: '确认发货' }).click();
    await page.getByTestId('supplier-order-status').filter({ hasText: '已发货' }).waitFor();
    await page.getByTestId('shipment').getByText('SF-PORTAL-0001').waitFor();
    await shot(page, 'order-shipped.zh-CN.desktop');
    await page.setViewportSize(PHONE);
    assert.equal(await horizontalOverflow(page), 0, 'the order does not scroll sideways at 360 px');
    await shot(page, 'order-shipped.zh-CN.phone');
    await page.setViewportSize(DESKTOP);
  });

  it('sees the receipt, the shortfall credited by the worker, the rating, and what the order earned', async () => {
    // The worker issues the invoice of an invoice order (Stripe emulator) soon after it is placed.
    const invoice = await eventually(async () => {
      const page_ = await operator.get(`/api/invoices?pageSize=100`);
      return page_.items.find((i) => i.buyerOrderId === buyerOrderId && i.status === 'open');
    }, 'the worker issues the invoice');
    const detail = await canteen.get(`/api/supplier-orders/${supplierOrderId}`);
    await canteen.post(`/api/supplier-orders/${supplierOrderId}/receipt`, {
      lines: detail.lines.map((l) => ({ lineId: l.id, acceptedQuantity: l.quantity - 1, shortQuantity: 1, damagedQuantity: 0, note: '少到一箱' })),
    });
    await canteen.post(`/api/supplier-orders/${supplierOrderId}/evaluation`, { rating: 5, comment: '土豆品相好，送货准时' });
    // The short case becomes a credit note on the invoice, in the worker.
    await eventually(async () => (await canteen.get(`/api/supplier-orders/${supplierOrderId}`)).claims.every((c) => c.status === 'credited'), 'the worker credits the shortfall');
    await operator.post(`/api/invoices/${invoice.id}/payment`, { reference: 'ICBC-PORTAL-E2E-0001', transferDate: chinaToday() });

    await visit(page, `/orders/${supplierOrderId}`);
    await page.getByTestId('supplier-order-status').filter({ hasText: '已收货' }).waitFor();
    await page.getByTestId('line-receipt').getByText('完好 9，短少 1，破损 0').waitFor();
    await page.getByTestId('claims').getByText('已开红字').waitFor();
    await page.getByTestId('evaluation').getByText(/5 星 · 土豆品相好/).waitFor();
    await page.getByText('完成时间', { exact: true }).waitFor();
    await shot(page, 'order-received.zh-CN.desktop');

    await page.getByRole('navigation', { name: '门户导航' }).getByRole('link', { name: '结算', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '结算' }).waitFor();
    // 9 cases at ¥32.00 (10 ordered: below the 20-case tier).
    await page.getByTestId('ledger-entry').filter({ hasText: '订单收入' }).getByText('¥288.00').waitFor();
    await shot(page, 'money.zh-CN.desktop');
    await switchTo(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Money' }).waitFor();
    await page.getByTestId('ledger-entry').filter({ hasText: 'Earned' }).filter({ hasText: '¥288.00' }).waitFor();
    await shot(page, 'money.en.desktop');
    await visit(page, `/orders/${supplierOrderId}`);
    await page.getByTestId('supplier-order-status').filter({ hasText: 'Received' }).waitFor();
    await shot(page, 'order-received.en.desktop');
    await page.setViewportSize(PHONE);
    assert.equal(await horizontalOverflow(page), 0);
    await shot(page, 'order-received.en.phone');
    await page.setViewportSize(DESKTOP);
    await switchTo(page, 'zh-CN');
  });

  it('keeps the main pages usable on a phone', async () => {
    await page.setViewportSize(PHONE);
    for (const [name, path] of [
      ['overview', '/'],
      ['products', '/products'],
      ['stock', '/stock'],
      ['profile', '/profile'],
      ['pick-list', '/pick-list'],
    ]) {
      await visit(page, path);
      await settled(page);
      assert.deepEqual(await unlabelledControls(page), [], `${name}: every control has a label`);
      assert.equal(await horizontalOverflow(page), 0, `${name}: nothing scrolls sideways at 360 px`);
      await shot(page, `${name}.zh-CN.phone`);
    }
    await page.setViewportSize(DESKTOP);
    await visit(page, '/profile');
    await page.getByTestId('verification').getByText('已核验', { exact: true }).waitFor();
    await shot(page, 'profile.zh-CN.desktop');
    await signOut(page);
  });
});

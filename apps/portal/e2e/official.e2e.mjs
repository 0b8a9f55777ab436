/**
 * An official of Yunling Prefecture works the two queues: verifies the pending cooperative veg@ (its products then
 * reach the catalog) and certifies a product from the certification queue with the certificate's facts, after
 * looking at the evidence. The application is made here through the API, by potato@, so this file stands alone;
 * potato@ then attaches a PDF to it and veg@ its business licence in the portal, and the official opens them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  apiAs,
  DESKTOP,
  fieldPng,
  horizontalOverflow,
  OFFICIAL_WEST,
  openBrowser,
  PENDING_SUPPLIER,
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

const PRODUCT = '青崖高山荞麦面（认定测试）';
const PRODUCT_EN = 'Qingya highland buckwheat noodles (certification test)';
const PROOF = '荞麦原料产地证明.pdf';
const LICENCE = '营业执照（副本）.png';

/** A tiny but well-formed one-page PDF (a cross-reference table with the right offsets), made here. */
function tinyPdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 120] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 14 Tf 20 60 Td (Origin proof) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

describe('an official verifies a supplier and certifies a product', () => {
  let browser;
  let page;
  let productId;
  const potato = apiAs(POTATO.email);

  before(async () => {
    // The cooperative describes a product of Qingya county and applies to certify it.
    const me = await potato.get('/api/auth/me');
    const supplierId = me.memberships.find((m) => m.organisationKind === 'supplier').organisationId;
    const product = await potato.post(`/api/suppliers/${supplierId}/products`, {
      categoryCode: 'processed',
      originCountyCode: '629801',
      nameZh: PRODUCT,
      nameEn: PRODUCT_EN,
      storageClass: 'ambient',
      status: 'active',
    });
    productId = product.id;
    await potato.post(`/api/products/${productId}/skus`, { code: 'QY-QMM-E2E', packingUnitZh: '5公斤箱', netWeightG: 5000, priceFen: 9000 });
    await potato.post(`/api/products/${productId}/certifications`, { evidence: '荞麦原料产地证明、加工厂卫生许可、带动 40 户脱贫户务工的用工台账' });

    browser = await openBrowser();
    page = await browser.newPage();
  });
  after(async () => {
    const problems = page.problems;
    await browser.close();
    assert.deepEqual(problems, []);
  });

  it('lets the cooperative attach a PDF to its pending application, and veg@ its business licence', async () => {
    await signIn(page, POTATO.email);
    await visit(page, '/certification');
    const section = page.getByRole('region', { name: `证明材料 · ${PRODUCT}` });
    const form = section.getByTestId('evidence-upload');
    await form.getByLabel('材料类型').selectOption('origin_proof');
    await form.getByLabel('文件').setInputFiles({ name: PROOF, mimeType: 'application/pdf', buffer: tinyPdf() });
    await form.getByRole('button', { name: '上传材料' }).click();
    await form.getByText(`已上传 ${PROOF}。`).waitFor();
    const item = section.getByTestId('evidence-document').filter({ hasText: PROOF });
    await item.getByText(/产地证明 · \d+ B/).waitFor();
    await item.getByRole('button', { name: `删除 ${PROOF}` }).waitFor();
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'evidence-certification.zh-CN.desktop');
    await signOut(page);

    await signIn(page, PENDING_SUPPLIER.email);
    await visit(page, '/profile');
    const documents = page.getByRole('region', { name: '资质材料', exact: true });
    const upload = documents.getByTestId('evidence-upload');
    await upload.getByLabel('材料类型').selectOption('business_licence');
    await upload.getByLabel('文件').setInputFiles({ name: LICENCE, mimeType: 'image/png', buffer: fieldPng(240, 160) });
    await upload.getByRole('button', { name: '上传材料' }).click();
    await upload.getByText(`已上传 ${LICENCE}。`).waitFor();
    await documents.getByAltText(`${LICENCE} 缩略图`).waitFor();
    await shot(page, 'evidence-profile.zh-CN.desktop');
    await signOut(page);
  });

  it('signs in to the official’s queues and the statistics dashboard', async () => {
    await signIn(page, OFFICIAL_WEST.email);
    await page.getByRole('heading', { level: 1, name: OFFICIAL_WEST.name }).waitFor();
    assert.equal(await page.getByTestId('workspace-role').textContent(), '监管部门');
    const nav = page.getByRole('navigation', { name: '门户导航' });
    assert.deepEqual(await nav.getByRole('link').allTextContents(), ['工作台', '供应商核验', '产品认定', '统计看板']);
    await page.getByTestId('tile-suppliers').getByText('1', { exact: true }).waitFor();
    await shot(page, 'official-overview.zh-CN.desktop');
    await nav.getByRole('link', { name: /统计看板/ }).click();
    await page.getByRole('heading', { level: 1, name: '统计看板' }).waitFor();
    await page.getByTestId('stats-jurisdiction').waitFor();
    await shot(page, 'stats.zh-CN.desktop');
  });

  it('verifies the pending cooperative after looking at what it registered', async () => {
    await page.getByRole('navigation', { name: '门户导航' }).getByRole('link', { name: '供应商核验', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '供应商核验' }).waitFor();
    const row = page.getByTestId('supplier-row').filter({ hasText: PENDING_SUPPLIER.name });
    await row.getByText('待核验').waitFor();
    await shot(page, 'verify-queue.zh-CN.desktop');
    await row.getByRole('link', { name: PENDING_SUPPLIER.name }).click();
    await page.getByRole('heading', { level: 1, name: PENDING_SUPPLIER.name }).waitFor();
    await page.getByText('白石县河谷蔬菜大棚').waitFor();
    await page.getByText('甘肃省 › 云岭州 › 白石县').first().waitFor();
    // The business licence veg@ uploaded, as a thumbnail fetched with the official's token.
    const licence = page.getByRole('region', { name: '资质材料', exact: true }).getByTestId('evidence-document').filter({ hasText: LICENCE });
    await licence.getByText(/营业执照/).first().waitFor();
    await licence.getByAltText(`${LICENCE} 缩略图`).waitFor();
    assert.equal(await licence.getByRole('button', { name: `删除 ${LICENCE}` }).count(), 0, 'officials read documents, they do not delete them');
    await shot(page, 'evidence-supplier-review.zh-CN.desktop');
    // What it means to sell, before it is verified: both its products, not yet shown to buyers.
    const described = page.getByRole('region', { name: '已登记的产品' });
    await described.getByRole('row').nth(2).waitFor();
    assert.equal(await described.getByTestId('product-row').count(), 2, 'the pending cooperative’s two products');
    assert.equal(await described.getByText('采购单位暂不可见').count(), 2, 'both hidden until it is verified');
    const form = page.getByTestId('verification-form');
    await form.getByLabel('核验通过').check();
    await form.getByLabel('核验说明').fill('营业执照、基地租赁合同和带农台账已现场核验');
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'verify-supplier.zh-CN.desktop');
    await form.getByRole('button', { name: '提交结论' }).click();
    await form.getByText('核验结论已保存。').waitFor();
    await page.getByTestId('verification-status').filter({ hasText: '已核验' }).waitFor();

    await visit(page, '/suppliers');
    await page.getByText('没有待核验的供应商。').waitFor();
    // Verified: its products are in the buyers' catalog now.
    const orgs = await apiAs(PENDING_SUPPLIER.email).get('/api/auth/me');
    const vegId = orgs.memberships[0].organisationId;
    const catalog = await (await fetch(new URL(`/api/catalog/products?supplier=${vegId}`, process.env.API_URL))).json();
    assert.equal(catalog.total, 2, 'the verified cooperative’s two products are visible');
  });

  it('certifies a product from the queue, with the evidence in view', async () => {
    await page.getByRole('navigation', { name: '门户导航' }).getByRole('link', { name: '产品认定', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '产品认定' }).waitFor();
    const row = page.getByTestId('certification-row').filter({ hasText: PRODUCT });
    await row.getByText(POTATO.name).waitFor();
    await shot(page, 'certify-queue.zh-CN.desktop');
    await row.getByRole('link', { name: PRODUCT }).click();
    await page.getByRole('heading', { level: 1, name: `认定申请：${PRODUCT}` }).waitFor();
    await page.getByTestId('evidence-text').getByText(/用工台账/).waitFor();
    await page.getByText('产地县在结对帮扶范围内').waitFor();
    await page.getByText('东澜市—云岭州东西部协作').waitFor();
    // The PDF potato@ attached, opened in a new tab from a blob URL (fetched with the token).
    const proof = page.getByRole('region', { name: '证明材料', exact: true }).getByTestId('evidence-document').filter({ hasText: PROOF });
    await proof.getByText(/产地证明/).first().waitFor();
    await shot(page, 'evidence-certify-review.zh-CN.desktop');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), proof.getByRole('button', { name: `查看 ${PROOF}` }).click()]);
    await tab.waitForURL((url) => url.protocol === 'blob:');
    await tab.close();
    const form = page.getByTestId('certification-decision');
    assert.equal(await form.getByLabel('带动农户（户）').inputValue(), '210', 'the supplier’s lifted and monitored households are offered');
    await form.getByRole('button', { name: '认定' }).click();
    await form.getByText('请至少选择一种带农增收方式').waitFor();
    await form.getByLabel('证书编号').fill('云岭帮认〔E2E〕0001号');
    await form.getByLabel('务工收入').check();
    await form.getByLabel('经营收入').check();
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'certify-review.zh-CN.desktop');
    await form.getByRole('button', { name: '认定' }).click();
    await page.getByTestId('certification-status').filter({ hasText: '已认定' }).waitFor();
    await page.getByTestId('decision').getByText('云岭帮认〔E2E〕0001号').waitFor();
    await page.getByTestId('revocation-form').waitFor();
    await shot(page, 'certify-decided.zh-CN.desktop');

    const product = await (await fetch(new URL(`/api/catalog/products/${productId}`, process.env.API_URL))).json();
    assert.equal(product.certificate.certificateNo, '云岭帮认〔E2E〕0001号');
    assert.equal(product.certificate.certifiedToday, true);
    assert.deepEqual(product.certificate.incomeModes.sort(), ['operating', 'wages']);
  });

  it('reads the queues in English and on a phone', async () => {
    await visit(page, '/certifications?status=certified');
    await switchTo(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Certify products' }).waitFor();
    // The queue names products in the reader's language (productNameEn of the list).
    await page.getByTestId('certification-row').filter({ hasText: PRODUCT_EN }).getByText('Certified').waitFor();
    await shot(page, 'certify-queue.en.desktop');
    await page.setViewportSize(PHONE);
    for (const [name, path] of [
      ['official-overview', '/'],
      ['verify-queue', '/suppliers?status=verified'],
      ['certify-queue', '/certifications?status=certified'],
    ]) {
      await visit(page, path);
      await settled(page);
      assert.equal(await horizontalOverflow(page), 0, `${name}: nothing scrolls sideways at 360 px`);
      await shot(page, `${name}.en.phone`);
    }
    await page.setViewportSize(DESKTOP);
    await switchTo(page, 'zh-CN');
    await signOut(page);
  });
});

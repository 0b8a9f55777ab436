import { CheckoutSessionRecord } from '../models/checkout.model';
import { InvoiceRecord } from '../models/invoice.model';
import { formatAmount } from '../money/format-amount';

export type PageNotice = { kind: 'declined' } | { kind: 'error'; message: string } | null;

const METHOD_LABELS: Record<string, string> = {
  card: '银行卡 Card',
  wechat_pay: '微信支付 WeChat Pay',
  alipay: '支付宝 Alipay',
};

/**
 * The hosted payment page: plain HTML with one form and three submit buttons (`#pay`,
 * `#decline`, `#cancel`) so browser tests can drive it by id or by accessible name.
 */
export function renderCheckoutPage(record: CheckoutSessionRecord, notice: PageNotice): string {
  const session = record.session;
  const total = formatAmount(session.amount_total, session.currency);
  const rows = record.lineItems
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.description)}</td><td class="num">${item.quantity}</td>` +
        `<td class="num">${formatAmount(item.price.unit_amount, item.currency)}</td>` +
        `<td class="num">${formatAmount(item.amount_total, item.currency)}</td></tr>`,
    )
    .join('\n');
  const methods = session.payment_method_types
    .map(
      (type, index) =>
        `<label><input type="radio" name="payment_method_type" value="${escapeHtml(type)}"${index === 0 ? ' checked' : ''}> ` +
        `${escapeHtml(METHOD_LABELS[type] ?? type)}</label>`,
    )
    .join('\n');
  const base = `/pay/${encodeURIComponent(session.id)}`;
  const body = `
<h1>确认付款 Confirm payment</h1>
${noticeHtml(notice)}
<table aria-label="订单明细 Order details">
<thead><tr><th>商品 Item</th><th class="num">数量 Qty</th><th class="num">单价 Unit price</th><th class="num">金额 Amount</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th colspan="3">合计 Total</th><td class="num" id="total" data-amount="${session.amount_total}" data-currency="${escapeHtml(session.currency)}">${total}</td></tr></tfoot>
</table>
<form method="post" action="${base}/pay">
<fieldset><legend>支付方式 Payment method</legend>
${methods}
</fieldset>
<div class="actions">
<button type="submit" id="pay" name="action" value="pay">支付 Pay</button>
<button type="submit" id="decline" name="action" value="decline" formaction="${base}/decline">拒绝 Decline</button>
<button type="submit" id="cancel" name="action" value="cancel" formaction="${base}/cancel" formnovalidate>取消 Cancel</button>
</div>
</form>`;
  return layout('支付 Pay', body);
}

export function renderMessagePage(title: string, message: string, link?: { href: string; label: string }): string {
  const linkHtml = link ? `<p><a id="continue" href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : '';
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p id="message">${escapeHtml(message)}</p>\n${linkHtml}`);
}

export function renderInvoicePage(record: InvoiceRecord): string {
  const invoice = record.invoice;
  const rows = record.lines
    .map((line) => `<tr><td>${escapeHtml(line.description ?? '')}</td><td class="num">${formatAmount(line.amount, line.currency)}</td></tr>`)
    .join('\n');
  const due = invoice.due_date ? new Date(invoice.due_date * 1000).toISOString().slice(0, 10) : '—';
  const body = `
<h1>账单 Invoice ${escapeHtml(invoice.number ?? invoice.id)}</h1>
<p>状态 Status: <strong id="status">${escapeHtml(invoice.status)}</strong> · 到期 Due: ${due}</p>
<table aria-label="账单明细 Invoice lines">
<thead><tr><th>项目 Item</th><th class="num">金额 Amount</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th>应付 Amount due</th><td class="num" id="amount-due">${formatAmount(invoice.amount_remaining, invoice.currency)}</td></tr></tfoot>
</table>`;
  return layout('账单 Invoice', body);
}

function noticeHtml(notice: PageNotice): string {
  if (!notice) return '';
  if (notice.kind === 'declined') {
    return '<p role="alert" id="decline-message" class="notice">支付被拒绝，请重试。Your payment was declined. Please try again.</p>';
  }
  return `<p role="alert" id="error-message" class="notice">${escapeHtml(notice.message)}</p>`;
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Stripe emulator</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.badge{display:inline-block;background:#fff3cd;border:1px solid #e0c060;padding:.2rem .5rem;border-radius:.3rem;font-size:.85rem}
table{width:100%;border-collapse:collapse;margin:1rem 0}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ddd}
.num{text-align:right}tfoot th,tfoot td{font-weight:bold;border-bottom:none}
fieldset{border:1px solid #ddd;border-radius:.3rem;margin:1rem 0}label{display:block;margin:.3rem 0}
.actions{display:flex;gap:.5rem}button{font-size:1rem;padding:.5rem 1rem;border-radius:.3rem;border:1px solid #888;cursor:pointer}
#pay{background:#635bff;color:#fff;border-color:#635bff}.notice{background:#fde8e8;border:1px solid #e08080;padding:.5rem;border-radius:.3rem}
</style>
</head>
<body>
<main>
<p class="badge">测试模式 Test mode · Stripe emulator</p>
${body}
</main>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

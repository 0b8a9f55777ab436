import { ServerResponse } from 'node:http';
import { declineCheckoutSession, expireDueSessions, payCheckoutSession } from '../checkout/checkout-payment.service';
import { EmulatorContext } from '../emulator.context';
import { ApiError } from '../http/api-error';
import { parseFormBody } from '../http/form-body';
import { redirect, sendText } from '../http/http-io';
import { Router } from '../http/router';
import { CheckoutSessionRecord } from '../models/checkout.model';
import { PageNotice, renderCheckoutPage, renderInvoicePage, renderMessagePage } from './hosted-page.view';

interface PageRequest {
  res: ServerResponse;
  pathParams: Record<string, string>;
  rawBody: string;
}

type PageHandler = (req: PageRequest) => void;

/** Browser-facing pages: no API key, HTML in, HTML or 303 redirects out. */
export function createHostedPageRouter(ctx: EmulatorContext): Router<PageHandler> {
  const router = new Router<PageHandler>();

  router.get('/pay/:id', ({ res, pathParams }) => {
    const record = findSession(ctx, pathParams.id);
    if (!record) return notFound(res);
    if (record.session.status === 'open') return html(res, 200, renderCheckoutPage(record, null));
    return showClosed(res, record);
  });

  router.post('/pay/:id/pay', ({ res, pathParams, rawBody }) => {
    const record = findSession(ctx, pathParams.id);
    if (!record) return notFound(res);
    const attempt = tryAction(res, record, () => payCheckoutSession(ctx, record.id, methodFrom(rawBody)));
    if (!attempt) return;
    const successUrl = record.session.success_url;
    if (successUrl) return redirect(res, successUrl.replace(/\{CHECKOUT_SESSION_ID\}/g, record.id));
    html(res, 200, renderMessagePage('支付成功 Payment successful', '付款已完成。Your payment is complete.'));
  });

  router.post('/pay/:id/decline', ({ res, pathParams, rawBody }) => {
    const record = findSession(ctx, pathParams.id);
    if (!record) return notFound(res);
    const attempt = tryAction(res, record, () => declineCheckoutSession(ctx, record.id, methodFrom(rawBody)));
    if (attempt) html(res, 402, renderCheckoutPage(record, { kind: 'declined' }));
  });

  // Stripe leaves the session open when the buyer goes back; it can still be paid later.
  router.post('/pay/:id/cancel', ({ res, pathParams }) => {
    const record = findSession(ctx, pathParams.id);
    if (!record) return notFound(res);
    if (record.session.cancel_url) return redirect(res, record.session.cancel_url);
    html(
      res,
      200,
      renderMessagePage('已取消 Cancelled', '您已取消付款。You cancelled the payment.', {
        href: `/pay/${encodeURIComponent(record.id)}`,
        label: '返回付款 Back to payment',
      }),
    );
  });

  router.get('/invoice/:id', ({ res, pathParams }) => {
    const record = ctx.store.invoices.get(pathParams.id);
    if (!record || record.invoice.status === 'draft') return notFound(res);
    html(res, 200, renderInvoicePage(record));
  });

  return router;
}

function findSession(ctx: EmulatorContext, id: string): CheckoutSessionRecord | undefined {
  expireDueSessions(ctx);
  return ctx.store.checkoutSessions.get(id);
}

function tryAction<T>(res: ServerResponse, record: CheckoutSessionRecord, action: () => T): T | undefined {
  try {
    return action();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (record.session.status !== 'open') showClosed(res, record);
    else html(res, error.status, renderCheckoutPage(record, { kind: 'error', message: error.message } satisfies PageNotice));
    return undefined;
  }
}

function showClosed(res: ServerResponse, record: CheckoutSessionRecord): void {
  const session = record.session;
  if (session.status === 'complete') {
    const link = session.success_url
      ? { href: session.success_url.replace(/\{CHECKOUT_SESSION_ID\}/g, session.id), label: '返回商户 Return to merchant' }
      : undefined;
    return html(res, 200, renderMessagePage('已支付 Already paid', '此订单已付款。This checkout session has been paid.', link));
  }
  html(res, 410, renderMessagePage('已过期 Expired', '此付款会话已过期。This checkout session has expired.'));
}

/** A malformed form falls back to the session's first method rather than failing the page. */
function methodFrom(rawBody: string): string | undefined {
  try {
    const value = parseFormBody(rawBody).payment_method_type;
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}

function notFound(res: ServerResponse): void {
  html(res, 404, renderMessagePage('未找到 Not found', '没有这个付款会话。No such checkout session.'));
}

function html(res: ServerResponse, status: number, page: string): void {
  sendText(res, status, page, 'text/html');
}

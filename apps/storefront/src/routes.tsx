import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { HomePage } from './home/home-page';
import { AppShell } from './shell/app-shell';
import { NotFoundPage } from './shell/not-found-page';
import { RouteError } from './shell/route-error';

// The landing page ships in the entry chunk; the others load when first visited.
const BrowsePage = lazy(() => import('./catalog/browse-page').then((m) => ({ default: m.BrowsePage })));
const ProductPage = lazy(() => import('./catalog/product-page').then((m) => ({ default: m.ProductPage })));
const SignInPage = lazy(() => import('./identity/sign-in-page').then((m) => ({ default: m.SignInPage })));
const CartPage = lazy(() => import('./ordering/cart-page').then((m) => ({ default: m.CartPage })));
const CheckoutPage = lazy(() => import('./ordering/checkout-page').then((m) => ({ default: m.CheckoutPage })));
const OrdersPage = lazy(() => import('./ordering/orders-page').then((m) => ({ default: m.OrdersPage })));
const OrderPage = lazy(() => import('./ordering/order-page').then((m) => ({ default: m.OrderPage })));
const ApprovalsPage = lazy(() => import('./ordering/approvals-page').then((m) => ({ default: m.ApprovalsPage })));
const InvoicesPage = lazy(() => import('./payments/invoices-page').then((m) => ({ default: m.InvoicesPage })));
const ReservedSharePage = lazy(() => import('./reserved-share/reserved-share-page').then((m) => ({ default: m.ReservedSharePage })));
const AgreementsPage = lazy(() => import('./agreements/agreements-page').then((m) => ({ default: m.AgreementsPage })));
const AgreementPage = lazy(() => import('./agreements/agreement-page').then((m) => ({ default: m.AgreementPage })));
const ProposeAgreementPage = lazy(() => import('./agreements/propose-agreement-page').then((m) => ({ default: m.ProposeAgreementPage })));
const CommitmentsPage = lazy(() => import('./commitments/commitments-page').then((m) => ({ default: m.CommitmentsPage })));
const CommitmentPage = lazy(() => import('./commitments/commitment-page').then((m) => ({ default: m.CommitmentPage })));
const NewCommitmentPage = lazy(() => import('./commitments/new-commitment-page').then((m) => ({ default: m.NewCommitmentPage })));
const InvoicePage = lazy(() => import('./payments/invoice-page').then((m) => ({ default: m.InvoicePage })));

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'browse', element: <BrowsePage /> },
      { path: 'products/:productId', element: <ProductPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'cart', element: <CartPage /> },
      { path: 'checkout', element: <CheckoutPage /> },
      { path: 'orders', element: <OrdersPage /> },
      { path: 'orders/:orderId', element: <OrderPage /> },
      { path: 'approvals', element: <ApprovalsPage /> },
      { path: 'invoices', element: <InvoicesPage /> },
      { path: 'invoices/:invoiceId', element: <InvoicePage /> },
      { path: 'agreements', element: <AgreementsPage /> },
      { path: 'agreements/new', element: <ProposeAgreementPage /> },
      { path: 'agreements/:agreementId', element: <AgreementPage /> },
      { path: 'commitments', element: <CommitmentsPage /> },
      { path: 'commitments/new', element: <NewCommitmentPage /> },
      { path: 'commitments/:commitmentId', element: <CommitmentPage /> },
      { path: 'reserved-share', element: <ReservedSharePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

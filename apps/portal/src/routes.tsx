import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { SignInPage } from './identity/sign-in-page';
import type { WorkspaceKind } from './identity/workspaces';
import { AppShell } from './shell/app-shell';
import { NotFoundPage } from './shell/not-found-page';
import { OnlyFor, RequireWorkspace } from './shell/require-workspace';
import { RouteError } from './shell/route-error';

// Sign-in ships in the entry chunk (it is where everyone starts); every page behind it loads when first visited.
const page = <T extends string>(load: () => Promise<Record<T, () => ReactNode>>, name: T) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const HomePage = page(() => import('./home/home-page'), 'HomePage');
const ProfilePage = page(() => import('./cooperative/profile/profile-page'), 'ProfilePage');
const ProductsPage = page(() => import('./cooperative/catalog/products-page'), 'ProductsPage');
const NewProductPage = page(() => import('./cooperative/catalog/product-editor-page'), 'NewProductPage');
const ProductEditorPage = page(() => import('./cooperative/catalog/product-editor-page'), 'ProductEditorPage');
const StockPage = page(() => import('./cooperative/stock/stock-page'), 'StockPage');
const SkuLotsPage = page(() => import('./cooperative/stock/sku-lots-page'), 'SkuLotsPage');
const StockImportPage = page(() => import('./cooperative/stock/stock-import-page'), 'StockImportPage');
const CertificationPage = page(() => import('./cooperative/certification/certification-page'), 'CertificationPage');
const SupplierOrdersPage = page(() => import('./cooperative/orders/supplier-orders-page'), 'SupplierOrdersPage');
const SupplierOrderPage = page(() => import('./cooperative/orders/supplier-order-page'), 'SupplierOrderPage');
const AgreementsPage = page(() => import('./cooperative/agreements/agreements-page'), 'AgreementsPage');
const AgreementPage = page(() => import('./cooperative/agreements/agreement-page'), 'AgreementPage');
const ProposeAgreementPage = page(() => import('./cooperative/agreements/propose-agreement-page'), 'ProposeAgreementPage');
const CommitmentPage = page(() => import('./cooperative/agreements/commitments'), 'CommitmentPage');
const PickListPage = page(() => import('./cooperative/orders/pick-list-page'), 'PickListPage');
const MoneyPage = page(() => import('./cooperative/money/money-page'), 'MoneyPage');
const SupplierQueuePage = page(() => import('./official/supplier-queue-page'), 'SupplierQueuePage');
const SupplierReviewPage = page(() => import('./official/supplier-review-page'), 'SupplierReviewPage');
const CertificationQueuePage = page(() => import('./official/certification-queue-page'), 'CertificationQueuePage');
const CertificationReviewPage = page(() => import('./official/certification-review-page'), 'CertificationReviewPage');
const StatsPage = page(() => import('./stats/stats-page'), 'StatsPage');
const OperationsPage = page(() => import('./operations/operations-page'), 'OperationsPage');
const StatsLinesPage = page(() => import('./stats/stats-drill-pages'), 'StatsLinesPage');
const StatsOrderPage = page(() => import('./stats/stats-drill-pages'), 'StatsOrderPage');

const only = (kind: WorkspaceKind, element: ReactNode) => <OnlyFor kind={kind}>{element}</OnlyFor>;

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      {
        element: <RequireWorkspace />,
        children: [
          { index: true, element: <HomePage /> },
          // Cooperatives: their shop.
          { path: 'profile', element: only('cooperative', <ProfilePage />) },
          { path: 'products', element: only('cooperative', <ProductsPage />) },
          { path: 'products/new', element: only('cooperative', <NewProductPage />) },
          { path: 'products/:productId', element: only('cooperative', <ProductEditorPage />) },
          { path: 'stock', element: only('cooperative', <StockPage />) },
          { path: 'stock/import', element: only('cooperative', <StockImportPage />) },
          { path: 'stock/:skuId', element: only('cooperative', <SkuLotsPage />) },
          { path: 'certification', element: only('cooperative', <CertificationPage />) },
          { path: 'orders', element: only('cooperative', <SupplierOrdersPage />) },
          { path: 'orders/:supplierOrderId', element: only('cooperative', <SupplierOrderPage />) },
          { path: 'agreements', element: only('cooperative', <AgreementsPage />) },
          { path: 'agreements/new', element: only('cooperative', <ProposeAgreementPage />) },
          { path: 'agreements/:agreementId', element: only('cooperative', <AgreementPage />) },
          { path: 'commitments/:commitmentId', element: only('cooperative', <CommitmentPage />) },
          { path: 'pick-list', element: only('cooperative', <PickListPage />) },
          { path: 'money', element: only('cooperative', <MoneyPage />) },
          // Officials: the queues.
          { path: 'suppliers', element: only('official', <SupplierQueuePage />) },
          { path: 'suppliers/:organisationId', element: only('official', <SupplierReviewPage />) },
          { path: 'certifications', element: only('official', <CertificationQueuePage />) },
          { path: 'certifications/:certificationId', element: only('official', <CertificationReviewPage />) },
          // Both: the jurisdiction's dashboard for officials, a cooperative's own sales; drill-downs are officials'.
          { path: 'stats', element: <StatsPage /> },
          { path: 'operations', element: only('operations', <OperationsPage />) },
          { path: 'stats/lines', element: <StatsLinesPage /> },
          { path: 'stats/orders/:orderId', element: only('official', <StatsOrderPage />) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

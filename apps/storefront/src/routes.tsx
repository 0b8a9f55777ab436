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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { catalogPage } from '../testing/fixtures';
import { apiError, fakeApi, json } from '../testing/fake-api';
import { rememberSession, renderStorefront } from '../testing/render-storefront';

function shellApi() {
  return fakeApi({
    'GET /api/pairings': () => json([]),
    'GET /api/catalog/products': () => json(catalogPage([])),
  });
}

describe('AppShell', () => {
  it('has the landmarks and a skip link to the main content', async () => {
    renderStorefront('/', shellApi());

    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeTruthy();
    expect(screen.getByRole('main').id).toBe('main');
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    expect(screen.getByRole('search')).toBeTruthy();
    expect(screen.getByRole('link', { name: '跳到正文' }).getAttribute('href')).toBe('#main');
  });

  it('switches every label to English and back, and tells the document its language', async () => {
    renderStorefront('/', shellApi());

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'English' }));
    });

    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'All products' })).toBeTruthy();
    expect(screen.getByLabelText('Search products')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('shanhai.language')).toBe('en');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '中文' }));
    });
    expect(screen.getByRole('link', { name: '全部产品' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('searches from the header: the query goes to the browse page URL', async () => {
    const app = renderStorefront('/', shellApi());

    fireEvent.change(screen.getByLabelText('搜索产品'), { target: { value: ' tudou ' } });
    await act(async () => {
      fireEvent.submit(screen.getByRole('search'));
    });

    await waitFor(() => expect(app.location()).toBe('/browse?q=tudou'));
  });

  it('forgets a session the API no longer accepts and offers to sign in', async () => {
    rememberSession('shs_revoked');
    const api = shellApi();
    api.on('GET /api/auth/me', () => apiError(401, 'UNAUTHENTICATED', 'the session has expired or was signed out; sign in again'));
    renderStorefront('/', api);

    expect(await screen.findByRole('link', { name: '登录' })).toBeTruthy();
    expect(localStorage.getItem('shanhai.session')).toBeNull();
  });
});

import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COOP_USER, sessionFor } from '../testing/fixtures';
import { apiError, json } from '../testing/fake-api';
import { cooperativeApi } from '../testing/portal-api';
import { renderPortal } from '../testing/render-portal';
import { safeNext } from './sign-in-page';

function signInApi() {
  return cooperativeApi({
    'POST /api/auth/sign-in': async (request) => {
      const body = (await request.json()) as { email: string; password: string };
      if (body.email === 'potato@demo.shanhai.cn' && body.password === 'shanhai-demo-2026') return json(sessionFor(COOP_USER));
      if (!body.email.includes('.')) return apiError(400, 'VALIDATION_FAILED', 'email: email must be an email address', [{ field: 'email', reason: 'email must be an email address' }]);
      return apiError(401, 'INVALID_CREDENTIALS', 'email or password is wrong');
    },
  });
}

async function submit(email: string, password: string) {
  fireEvent.change(await screen.findByLabelText('邮箱'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
  });
}

describe('SignInPage', () => {
  it('asks for both fields before calling the API', async () => {
    const api = signInApi();
    renderPortal('/sign-in', api);
    await submit('', '');
    expect(screen.getByText('请输入邮箱')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(api.requests.filter((r) => r.url.endsWith('/api/auth/sign-in'))).toHaveLength(0);
  });

  it('shows the API’s per-field problem beside the field it names, and moves focus there', async () => {
    renderPortal('/sign-in', signInApi());
    await submit('potato@demo', 'x');
    const email = screen.getByLabelText('邮箱');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(document.activeElement).toBe(email);
    const described = (email.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('email must be an email address');
  });

  it('says the email or password is wrong without saying which', async () => {
    renderPortal('/sign-in', signInApi());
    await submit('potato@demo.shanhai.cn', 'wrong-password');
    expect((await screen.findByRole('alert')).textContent).toBe('邮箱或密码不正确。');
  });

  it('signs a cooperative in, keeps the session under the portal’s key, and goes where it was heading', async () => {
    const app = renderPortal('/sign-in?next=%2Fproducts', signInApi());
    await submit('potato@demo.shanhai.cn', 'shanhai-demo-2026');
    await waitFor(() => expect(app.location()).toBe('/products'));
    expect(JSON.parse(localStorage.getItem('shanhai.portal.session') ?? '{}').token).toBe('shs_test_token');
    expect(await screen.findByRole('heading', { level: 1, name: '产品' })).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '退出' }));
    });
    await waitFor(() => expect(app.location()).toBe('/sign-in'));
    expect(localStorage.getItem('shanhai.portal.session')).toBeNull();
  });

  it('keeps `next` inside the portal', () => {
    expect(safeNext('/orders/1')).toBe('/orders/1');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

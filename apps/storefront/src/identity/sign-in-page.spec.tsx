import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BUYER_ORG_ID, SCHOOL_SESSION, SCHOOL_SITES } from '../testing/fixtures';
import { apiError, fakeApi, json } from '../testing/fake-api';
import { renderStorefront } from '../testing/render-storefront';
import { safeNext } from './sign-in-page';

function signInApi() {
  return fakeApi({
    'POST /api/auth/sign-in': async (request) => {
      const body = (await request.json()) as { email: string; password: string };
      if (body.email === 'school@demo.shanhai.cn' && body.password === 'shanhai-demo-2026') return json(SCHOOL_SESSION);
      if (!body.email.includes('.')) {
        return apiError(400, 'VALIDATION_FAILED', 'email: email must be an email address', [{ field: 'email', reason: 'email must be an email address' }]);
      }
      return apiError(401, 'INVALID_CREDENTIALS', 'email or password is wrong');
    },
    'POST /api/auth/sign-out': () => new Response(null, { status: 204 }),
    'GET /api/pairings': () => json([]),
    'GET /api/catalog/products': () => json({ items: [], total: 0, page: 1, pageSize: 8, facets: null }),
    [`GET /api/organisations/${BUYER_ORG_ID}/delivery-sites`]: () => json(SCHOOL_SITES),
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
  it('shows the API’s per-field problem beside the field it names', async () => {
    renderStorefront('/sign-in', signInApi());
    await submit('school@demo', 'x');

    const email = screen.getByLabelText('邮箱');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const described = (email.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('email must be an email address');
    expect(screen.getByLabelText('密码').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(email);
  });

  it('asks for both fields before calling the API', async () => {
    const api = signInApi();
    renderStorefront('/sign-in', api);
    await submit('', '');

    expect(screen.getByText('请输入邮箱')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(api.requests.filter((r) => r.url.endsWith('/api/auth/sign-in'))).toHaveLength(0);
  });

  it('says the email or password is wrong, without saying which', async () => {
    renderStorefront('/sign-in', signInApi());
    await submit('school@demo.shanhai.cn', 'wrong-password');

    expect((await screen.findByRole('alert')).textContent).toBe('邮箱或密码不正确。');
  });

  it('signs in, shows the organisation in the header, goes where the buyer was heading, and signs out', async () => {
    const api = signInApi();
    const app = renderStorefront('/sign-in?next=%2Fbrowse%3Fq%3Dtudou', api);
    await submit('school@demo.shanhai.cn', 'shanhai-demo-2026');

    await waitFor(() => expect(app.location()).toBe('/browse?q=tudou'));
    expect((await screen.findByTestId('organisation-name')).textContent).toBe('东澜市第一中学');
    expect(JSON.parse(localStorage.getItem('shanhai.session') ?? '{}').token).toBe('shs_test_token');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '退出' }));
    });

    await waitFor(() => expect(app.location()).toBe('/'));
    expect(screen.getByRole('link', { name: '登录' })).toBeTruthy();
    expect(localStorage.getItem('shanhai.session')).toBeNull();
    const signOut = api.requests.find((r) => r.url.endsWith('/api/auth/sign-out'));
    expect(signOut?.headers.get('Authorization')).toBe('Bearer shs_test_token');
  });
});

describe('safeNext', () => {
  it('keeps paths inside the storefront and refuses other sites', () => {
    expect(safeNext('/products/1')).toBe('/products/1');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

import { isApiError } from '@shanhai/api-client';
import { Button, Container, TextField } from '@shanhai/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from './session-provider';
import './sign-in.css';

type Field = 'email' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

/** Only paths inside the storefront: `next=//evil.example` must not send a buyer elsewhere after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/**
 * Email and password. The browser checks nothing (noValidate); the form checks only that both are filled
 * in and leaves every other rule to the API, whose `details[]` are shown beside the field they name.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { status, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  if (status === 'signed-in' && !pending) return <Navigate to={next} replace />;

  const focusFirst = (errors: FieldErrors) => (errors.email ? emailRef : passwordRef).current?.focus();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!email.trim()) local.email = t('signIn.errors.emailRequired');
    if (!password) local.password = t('signIn.errors.passwordRequired');
    setFormError(null);
    setFieldErrors(local);
    if (local.email || local.password) {
      focusFirst(local);
      return;
    }
    setPending(true);
    try {
      await signIn(email.trim(), password);
      void navigate(next, { replace: true });
    } catch (error) {
      setPending(false);
      if (isApiError(error) && error.details.length > 0) {
        const byField = error.fieldErrors();
        const shown: FieldErrors = { email: byField.email, password: byField.password };
        const other = error.details.filter((d) => d.field !== 'email' && d.field !== 'password');
        setFieldErrors(shown);
        if (other.length) setFormError(other.map((d) => `${d.field}: ${d.reason}`).join('; '));
        if (shown.email || shown.password) focusFirst(shown);
        return;
      }
      const problem = signInProblem(error);
      setFormError('key' in problem ? t(problem.key) : problem.message);
      queueMicrotask(() => alertRef.current?.focus());
    }
  };

  return (
    <Container className="page sign-in">
      <title>{`${t('signIn.title')} · ${t('app.name')}`}</title>
      <div className="sign-in__card">
        <h1 className="page__title">{t('signIn.title')}</h1>
        <p className="sign-in__intro">{t('signIn.intro')}</p>
        {formError ? (
          <div className="sign-in__alert" role="alert" tabIndex={-1} ref={alertRef}>
            {formError}
          </div>
        ) : null}
        <form onSubmit={submit} noValidate aria-busy={pending}>
          <TextField
            ref={emailRef}
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            error={fieldErrors.email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            ref={passwordRef}
            label={t('signIn.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            error={fieldErrors.password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button type="submit" variant="primary" className="sign-in__submit" disabled={pending}>
            {pending ? t('signIn.submitting') : t('signIn.submit')}
          </Button>
        </form>
      </div>
    </Container>
  );
}

type SignInErrorKey = 'errors.tryLater' | 'signIn.errors.invalidCredentials' | 'signIn.errors.rateLimited' | 'errors.network';

/** The message key for a failed sign-in, or the API's own message (a key keeps `t`'s typing shallow). */
function signInProblem(error: unknown): { key: SignInErrorKey } | { message: string } {
  if (!isApiError(error)) return { key: 'errors.tryLater' };
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return { key: 'signIn.errors.invalidCredentials' };
    case 'RATE_LIMITED':
      return { key: 'signIn.errors.rateLimited' };
    case 'NETWORK':
      return { key: 'errors.network' };
    default:
      return error.status >= 500 ? { key: 'errors.tryLater' } : { message: error.message };
  }
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';

export type StatusTone = 'loading' | 'empty' | 'error';

export interface StatusMessageProps {
  readonly tone: StatusTone;
  readonly title?: ReactNode;
  readonly children?: ReactNode;
  /** Shown as a "try again" button on errors. */
  readonly onRetry?: () => void;
  readonly action?: ReactNode;
}

/**
 * Loading, empty and error states in one place. Errors are an `alert` (announced at once); loading and
 * empty are a polite `status`.
 */
export function StatusMessage({ tone, title, children, onRetry, action }: StatusMessageProps) {
  const { t } = useTranslation('ui');
  return (
    <div className={`ui-status ui-status--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {tone === 'loading' ? <span className="ui-status__spinner" aria-hidden="true" /> : null}
      <div className="ui-status__body">
        <p className="ui-status__title">{title ?? (tone === 'loading' ? t('status.loading') : null)}</p>
        {children ? <div className="ui-status__text">{children}</div> : null}
        {onRetry || action ? (
          <div className="ui-status__actions">
            {onRetry ? <Button onClick={onRetry}>{t('status.retry')}</Button> : null}
            {action}
          </div>
        ) : null}
      </div>
    </div>
  );
}

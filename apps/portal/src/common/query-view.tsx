import { StatusMessage } from '@shanhai/ui';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';

/** A query's loading and error states, and its data once there. */
export function QueryView<T>({ query, children, errorTitle }: { query: UseQueryResult<T>; children: (data: T) => ReactNode; errorTitle?: string }) {
  const { t } = useTranslation();
  if (query.isPending) return <StatusMessage tone="loading" />;
  if (query.isError) {
    return (
      <StatusMessage tone="error" title={errorTitle ?? t('errors.sectionFailed')} onRetry={() => void query.refetch()}>
        <p>{errorText(query.error, t)}</p>
      </StatusMessage>
    );
  }
  return <>{children(query.data)}</>;
}

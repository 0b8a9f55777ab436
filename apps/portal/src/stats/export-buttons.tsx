import { Button } from '@shanhai/ui';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../common/errors';
import type { StatsFilters } from './stats-format';
import { useExport } from './stats.queries';
import type { GroupBy } from './stats-views';

/**
 * CSV and XLSX of one totals table. Making the file takes a moment on a big range, so the button says it is
 * being made (and the other waits) until the download starts.
 */
export function ExportButtons({ filters, groupBy, label, supplierId = null }: { filters: StatsFilters; groupBy: GroupBy; label: string; supplierId?: string | null }) {
  const { t } = useTranslation();
  const exporter = useExport(supplierId);
  const anchor = useRef<HTMLAnchorElement>(null);
  const busy = exporter.isPending ? exporter.variables.format : null;

  useEffect(() => {
    const file = exporter.data;
    if (!file || !anchor.current) return;
    anchor.current.href = file.url;
    anchor.current.download = file.fileName;
    anchor.current.click();
    // Give the browser the time to start the download before the blob is let go.
    const timer = setTimeout(() => URL.revokeObjectURL(file.url), 60_000);
    return () => clearTimeout(timer);
  }, [exporter.data]);

  return (
    <div className="stats-export" role="group" aria-label={t('statsDash.export.group', { table: label })} aria-busy={busy !== null}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          variant="secondary"
          disabled={busy !== null}
          data-testid={`export-${groupBy}-${format}`}
          onClick={() => exporter.mutate({ filters, groupBy, format })}
        >
          {busy === format ? t('statsDash.export.making') : t(`statsDash.export.${format}`)}
        </Button>
      ))}
      <span className="stats-export__status" role="status" aria-live="polite">
        {busy ? t('statsDash.export.progress', { format: busy.toUpperCase() }) : exporter.isError ? errorText(exporter.error, t) : ''}
      </span>
      {/* The download link, clicked once the file is there; hidden because the buttons are the controls. */}
      <a ref={anchor} hidden aria-hidden="true" tabIndex={-1} />
    </div>
  );
}

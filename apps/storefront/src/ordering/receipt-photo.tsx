import { isApiError } from '@shanhai/api-client';
import type { OrderLineView } from '@shanhai/contract';
import { buttonClassName, FieldFrame } from '@shanhai/ui';
import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReceiptPhoto, useUploadReceiptPhoto } from './ordering.queries';

const ACCEPT = 'image/jpeg,image/png,image/webp';
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * A photo of what arrived, for one line: chosen (or taken, on a phone) and uploaded at once, so it is there
 * whatever happens to the rest of the form. The API checks type and size too; a file over 5 MB is refused here
 * before it is sent.
 */
export function ReceiptPhotoField({ orderId, line, name }: { orderId: string; line: OrderLineView; name: string }) {
  const { t } = useTranslation();
  const upload = useUploadReceiptPhoto(orderId);
  const [tooBig, setTooBig] = useState(false);
  const error = tooBig
    ? t('ordering.receipt.photoTooBig')
    : upload.isError
      ? `${t('ordering.receipt.photoFailed')}${isApiError(upload.error) && upload.error.status !== 0 ? `: ${upload.error.fieldErrors().body ?? upload.error.message}` : ''}`
      : undefined;

  const hasPhoto = line.receiptPhotoUrl !== null || upload.isSuccess;
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setTooBig(file.size > MAX_BYTES);
    if (file.size > MAX_BYTES) return;
    upload.mutate({ lineId: line.id, file });
  };
  return (
    <div className="receipt-photo">
      <FieldFrame label={t('ordering.receipt.photo')} hint={t('ordering.receipt.photoHint')} error={error}>
        {({ inputId, describedBy, invalid }) => (
          // The browser's own file button speaks the browser's language; this one speaks the page's. The input
          // stays in the tab order (visually hidden) and its focus ring is drawn on the button.
          <div className="receipt-photo__picker">
            <input
              id={inputId}
              type="file"
              accept={ACCEPT}
              className="receipt-photo__input ui-visually-hidden"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              disabled={upload.isPending}
              onChange={choose}
            />
            <label htmlFor={inputId} className={buttonClassName('secondary', 'receipt-photo__button')} aria-hidden="true">
              {hasPhoto ? t('ordering.receipt.photoReplace') : t('ordering.receipt.photoChoose')}
            </label>
          </div>
        )}
      </FieldFrame>
      <p className="receipt-photo__status" role="status">
        {upload.isPending ? t('ordering.receipt.photoUploading') : upload.isSuccess ? t('ordering.receipt.photoUploaded') : null}
      </p>
      {hasPhoto ? <ReceiptPhoto lineId={line.id} name={name} /> : null}
    </div>
  );
}

/** The uploaded photo, fetched with the bearer token and shown from an object URL; it opens full size in a new tab. */
export function ReceiptPhoto({ lineId, name }: { lineId: string; name: string }) {
  const { t } = useTranslation();
  const photo = useReceiptPhoto(lineId, true);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!photo.data || typeof URL.createObjectURL !== 'function') return;
    const objectUrl = URL.createObjectURL(photo.data);
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [photo.data]);

  if (photo.isError) return <p className="receipt-photo__failed">{t('ordering.receipt.photoLoadFailed')}</p>;
  if (!url) return null;
  return (
    <a className="receipt-photo__thumb" href={url} target="_blank" rel="noreferrer" title={t('ordering.receipt.photoOpen', { name })} data-testid="receipt-photo">
      <img src={url} alt={t('ordering.receipt.photoAlt', { name })} width={96} height={96} />
    </a>
  );
}

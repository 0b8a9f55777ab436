import type { ProductDetail } from '@shanhai/contract';
import { Section, useLocalize } from '@shanhai/ui';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../common/errors';
import { FormAlert } from '../../common/form-alert';
import { useUploadImage } from './catalog.queries';

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 5 * 1024 * 1024;
const MAX_IMAGES = 12;

/** The product's photos, and an upload (JPEG, PNG or WebP up to 5 MB; the API checks the bytes, not the name). */
export function ImagesSection({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const upload = useUploadImage(product.id);
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const name = localize(product.nameZh, product.nameEn);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setProblem(null);
    if (!file) return;
    if (!TYPES.includes(file.type)) setProblem(t('images.wrongType'));
    else if (file.size > MAX_BYTES) setProblem(t('images.tooLarge'));
    else upload.mutate(file, { onSettled: () => input.current && (input.current.value = '') });
  };

  return (
    <Section id="product-images" title={t('images.title')}>
      {product.images.length === 0 ? <p>{t('images.none')}</p> : null}
      <ul className="image-grid">
        {product.images.map((image, i) => (
          <li key={image.id}>
            <img src={image.url} alt={t('images.alt', { name, n: i + 1 })} loading="lazy" width={160} height={120} />
          </li>
        ))}
      </ul>
      <FormAlert messages={[...(problem ? [problem] : []), ...(upload.isError ? [errorText(upload.error, t)] : [])]} />
      {product.images.length < MAX_IMAGES ? (
        <div className="ui-field">
          <label htmlFor={inputId} className="ui-field__label">
            {t('images.upload')}
          </label>
          <p className="ui-field__hint" id={hintId}>
            {t('images.hint')}
          </p>
          <input ref={input} id={inputId} type="file" accept={TYPES.join(',')} aria-describedby={hintId} className="file-input" onChange={choose} disabled={upload.isPending} />
          {upload.isPending ? <p role="status">{t('images.uploading')}</p> : null}
          {upload.isSuccess ? <p role="status" className="notice">{t('images.uploaded')}</p> : null}
        </div>
      ) : (
        <p>{t('images.full', { max: MAX_IMAGES })}</p>
      )}
    </Section>
  );
}

import { Button, Select, StatusMessage, useLanguage } from '@shanhai/ui';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceDocumentView } from '../api/views';
import { errorText, fieldErrorsOf, otherFieldErrors } from '../common/errors';
import { FormAlert } from '../common/form-alert';
import { formatChinaTime } from '../common/format';
import { QueryView } from '../common/query-view';
import { EVIDENCE_KINDS, useDeleteDocument, useDocumentBlob, useDocuments, useThumbnail, useUploadDocument, type EvidenceKind, type EvidenceOwner } from './evidence.queries';

export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** 1 234 B, 56 KB, 2.3 MB: enough to tell a scan from a photo. */
export function formatBytes(bytes: number, language: string): string {
  const number = (value: number, digits: number) => new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}

/**
 * The documents of an application or a supplier, read from the API (`useDocuments`), with the upload form when
 * `canUpload` (the API has the last word: it answers 403 / 409 otherwise).
 */
export function EvidenceDocuments({ owner, canUpload, label }: { owner: EvidenceOwner; canUpload: boolean; label: string }) {
  const documents = useDocuments(owner);
  return (
    <div className="evidence" data-testid={`evidence-${owner.kind}`}>
      <QueryView query={documents}>{(list) => <DocumentList documents={list} owner={owner} label={label} />}</QueryView>
      {canUpload ? <UploadForm owner={owner} /> : null}
    </div>
  );
}

/** A list of documents: kind, file name, size, date; open (through a blob URL), images as thumbnails, delete when allowed. */
export function DocumentList({ documents, owner, label }: { documents: readonly EvidenceDocumentView[]; owner: EvidenceOwner; label: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const open = useDocumentBlob();
  const remove = useDeleteDocument(owner);
  const [problem, setProblem] = useState<string | null>(null);
  if (documents.length === 0) return <StatusMessage tone="empty" title={t('evidence.none')} />;

  const show = (doc: EvidenceDocumentView) => {
    setProblem(null);
    // Opened inside the click, so that no pop-up blocker stops it; the blob URL follows once fetched.
    const tab = window.open('', '_blank');
    open.mutate(doc.id, {
      onSuccess: (url) => {
        if (tab) {
          tab.opener = null;
          tab.location.href = url;
        } else {
          window.location.assign(url);
        }
      },
      onError: () => {
        tab?.close();
        setProblem(t('evidence.openFailed', { name: doc.filename }));
      },
    });
  };
  const erase = (doc: EvidenceDocumentView) => {
    setProblem(null);
    remove.mutate(doc.id, { onError: (error) => setProblem(errorText(error, t)) });
  };

  return (
    <>
      <FormAlert messages={problem ? [problem] : []} />
      <ul className="evidence__list" aria-label={label}>
        {documents.map((doc) => (
          <li key={doc.id} className="evidence__item" data-testid="evidence-document">
            <Thumbnail doc={doc} />
            <div className="evidence__facts">
              <strong className="evidence__name">{doc.filename}</strong>
              <span className="cell-note">
                {t(`evidence.kinds.${doc.kind}`)} · {formatBytes(doc.byteSize, language)} · {formatChinaTime(doc.createdAt, language)}
              </span>
            </div>
            <div className="evidence__actions">
              <Button variant="ghost" onClick={() => show(doc)} aria-label={t('evidence.openLabel', { name: doc.filename })}>
                {t('evidence.open')}
              </Button>
              {doc.deletable ? (
                <Button variant="ghost" onClick={() => erase(doc)} disabled={remove.isPending} aria-label={t('evidence.deleteLabel', { name: doc.filename })}>
                  {t('evidence.delete')}
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function Thumbnail({ doc }: { doc: EvidenceDocumentView }) {
  const { t } = useTranslation();
  const url = useThumbnail(doc);
  if (!doc.contentType.startsWith('image/')) {
    return (
      <span className="evidence__icon" aria-hidden="true">
        PDF
      </span>
    );
  }
  return url ? (
    <img className="evidence__thumb" src={url} alt={t('evidence.thumbnailAlt', { name: doc.filename })} width={64} height={64} />
  ) : (
    <span className="evidence__icon" aria-hidden="true" />
  );
}

/** Kind and file; checked here as the API checks it (type by extension and MIME, ≤ 10 MB), the API sniffing the bytes. */
export function UploadForm({ owner }: { owner: EvidenceOwner }) {
  const { t } = useTranslation();
  const upload = useUploadDocument(owner);
  const fileId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<EvidenceKind | ''>(owner.kind === 'organisation' ? 'business_licence' : 'origin_proof');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ kind?: string; file?: string }>({});
  const api = fieldErrorsOf(upload.error);
  const fileError = errors.file ?? api.body ?? api.filename;
  const general = upload.isError ? (Object.keys(api).length ? otherFieldErrors(api, ['body', 'filename', 'kind']) : [errorText(upload.error, t)]) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: { kind?: string; file?: string } = {};
    if (!kind) next.kind = t('form.choose');
    if (!file) next.file = t('evidence.chooseFile');
    else if (!DOCUMENT_TYPES.includes(file.type) && !/\.(pdf|jpe?g|png|webp)$/i.test(file.name)) next.file = t('evidence.wrongType');
    else if (file.size > MAX_DOCUMENT_BYTES) next.file = t('evidence.tooLarge');
    setErrors(next);
    if (next.kind || next.file || !file || !kind) return;
    upload.mutate(
      { file, kind },
      {
        onSuccess: () => {
          setFile(null);
          if (input.current) input.current.value = '';
        },
      },
    );
  };

  return (
    <form className="form evidence__form" onSubmit={submit} noValidate aria-busy={upload.isPending} data-testid="evidence-upload">
      <FormAlert messages={general} />
      <Select
        label={t('evidence.kind')}
        value={kind}
        error={errors.kind ?? api.kind}
        onChange={(e) => setKind(e.target.value as EvidenceKind)}
        options={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`evidence.kinds.${k}`) }))}
      />
      <div className="ui-field">
        <label htmlFor={fileId} className="ui-field__label">
          {t('evidence.file')}
        </label>
        <p className="ui-field__hint" id={hintId}>
          {t('evidence.hint')}
        </p>
        <input
          ref={input}
          id={fileId}
          type="file"
          accept={[...DOCUMENT_TYPES, '.pdf'].join(',')}
          aria-describedby={fileError ? `${hintId} ${fileId}-error` : hintId}
          aria-invalid={fileError ? true : undefined}
          className="file-input"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        {fileError ? (
          <p className="ui-field__error" id={`${fileId}-error`}>
            {fileError}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant="primary" disabled={upload.isPending}>
        {upload.isPending ? t('evidence.uploading') : t('evidence.upload')}
      </Button>
      {upload.isSuccess ? (
        <p className="notice" role="status">
          {t('evidence.uploaded', { name: upload.data.filename })}
        </p>
      ) : null}
    </form>
  );
}

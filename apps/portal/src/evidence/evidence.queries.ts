import { binaryBody, expectBody, expectNoContent } from '@shanhai/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context';
import { keys } from '../api/keys';
import type { CertificationDetailView, EvidenceDocumentView } from '../api/views';
import { blobUrlOf } from '../common/blob-url';

export type EvidenceKind = EvidenceDocumentView['kind'];
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['business_licence', 'origin_proof', 'inspection_report', 'household_agreement', 'other'];

/** Whose documents: an application (证明材料) or a supplier's verification (资质材料). */
export interface EvidenceOwner {
  readonly kind: 'certification' | 'organisation';
  readonly id: string;
}

export function useDocuments(owner: EvidenceOwner) {
  const api = useApi();
  return useQuery({
    queryKey: keys.documents(owner.kind, owner.id),
    queryFn: ({ signal }) =>
      expectBody<EvidenceDocumentView[]>(
        owner.kind === 'certification'
          ? api.GET('/api/certifications/{id}/documents', { params: { path: { id: owner.id } }, signal })
          : api.GET('/api/organisations/{id}/documents', { params: { path: { id: owner.id } }, signal }),
      ),
  });
}

/** One application with names and documents (`GET /api/certifications/:id`). */
export function useCertification(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.certification(id),
    queryFn: ({ signal }) => expectBody<CertificationDetailView>(api.GET('/api/certifications/{id}', { params: { path: { id } }, signal })),
  });
}

/** Sends the file's bytes as they are; its name goes percent-encoded in `X-Filename` (Chinese names survive). */
export function useUploadDocument(owner: EvidenceOwner) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, kind }: { file: File; kind: EvidenceKind }) => {
      const raw = binaryBody(file);
      const options = {
        params: { path: { id: owner.id }, query: { kind } },
        body: raw.body,
        bodySerializer: raw.bodySerializer,
        headers: { ...raw.headers, 'X-Filename': encodeURIComponent(file.name) },
      };
      return expectBody<EvidenceDocumentView>(
        owner.kind === 'certification' ? api.POST('/api/certifications/{id}/documents', options) : api.POST('/api/organisations/{id}/documents', options),
      );
    },
    onSuccess: () => invalidate(queryClient, owner),
  });
}

export function useDeleteDocument(owner: EvidenceOwner) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => expectNoContent(api.DELETE('/api/documents/{id}', { params: { path: { id } } })),
    onSuccess: () => invalidate(queryClient, owner),
  });
}

async function invalidate(queryClient: ReturnType<typeof useQueryClient>, owner: EvidenceOwner): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: keys.documents(owner.kind, owner.id) });
  if (owner.kind === 'certification') await queryClient.invalidateQueries({ queryKey: keys.certification(owner.id) });
}

/** Fetches a document with the bearer token into a blob URL (for opening it in a new tab). */
export function useDocumentBlob() {
  const api = useApi();
  return useMutation({
    mutationFn: async (id: string) => blobUrlOf(await api.GET('/api/documents/{id}', { params: { path: { id } }, parseAs: 'blob' })),
  });
}

/** A thumbnail's blob URL for an image document (null while loading, or for PDFs); revoked when no longer shown. */
export function useThumbnail(doc: EvidenceDocumentView): string | null {
  const api = useApi();
  const [url, setUrl] = useState<string | null>(null);
  const isImage = doc.contentType.startsWith('image/');
  useEffect(() => {
    if (!isImage) return undefined;
    let current: string | null = null;
    let cancelled = false;
    api
      .GET('/api/documents/{id}', { params: { path: { id: doc.id } }, parseAs: 'blob' })
      .then((result) => {
        if (cancelled) return;
        current = blobUrlOf(result);
        setUrl(current);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      if (current) URL.revokeObjectURL(current);
    };
  }, [api, doc.id, isImage]);
  return url;
}

import { expectBody, type ApiClient } from '@shanhai/api-client';
import type { ApiComponents, ProductDetail } from '@shanhai/contract';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { keys } from '../../api/keys';
import type { CertificationView, ImageUploadView, SkuView, SupplierProductView } from '../../api/views';

export { useCertifications } from '../../common/shared.queries';

export type ProductInput = ApiComponents['schemas']['ProductDto'];
export type ProductUpdate = ApiComponents['schemas']['UpdateProductDto'];
export type SkuInput = ApiComponents['schemas']['SkuDto'];
export type SkuUpdate = ApiComponents['schemas']['UpdateSkuDto'];

/** The cooperative's own products, drafts and archived ones included, newest first. */
export function useSupplierProducts(supplierId: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.products(supplierId),
    queryFn: ({ signal }) =>
      expectBody<SupplierProductView[]>(api.GET('/api/suppliers/{supplierId}/products', { params: { path: { supplierId } }, signal })),
  });
}

/**
 * Every SKU of the cooperative with its product: the API lists products, and SKUs only inside a product's
 * detail, so this reads each product's detail (one request per product; see docs/portal.md on what the API lacks).
 */
export function useSupplierSkus(supplierId: string) {
  const api = useApi();
  const products = useSupplierProducts(supplierId);
  const details = useQueries({
    queries: (products.data ?? []).map((p) => ({
      queryKey: keys.product(p.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchProduct(api, p.id, signal),
    })),
  });
  const pending = products.isPending || details.some((d) => d.isPending);
  const error = products.error ?? details.find((d) => d.error)?.error ?? null;
  const rows = details.flatMap((d) => (d.data ? d.data.skus.map((sku) => ({ product: d.data, sku })) : []));
  return { pending, error, rows, refetch: () => void products.refetch() };
}

function fetchProduct(api: ApiClient, id: string, signal: AbortSignal) {
  return expectBody<ProductDetail>(api.GET('/api/catalog/products/{id}', { params: { path: { id } }, signal }));
}

export function useCreateProduct(supplierId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductInput) => expectBody<SupplierProductView>(api.POST('/api/suppliers/{supplierId}/products', { params: { path: { supplierId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.products(supplierId) }),
  });
}

export function useUpdateProduct(supplierId: string, productId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductUpdate) => expectBody<SupplierProductView>(api.PATCH('/api/products/{id}', { params: { path: { id: productId } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.product(productId) });
      await queryClient.invalidateQueries({ queryKey: keys.products(supplierId) });
    },
  });
}

export function useAddSku(supplierId: string, productId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SkuInput) => expectBody<SkuView>(api.POST('/api/products/{id}/skus', { params: { path: { id: productId } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.product(productId) });
      await queryClient.invalidateQueries({ queryKey: keys.products(supplierId) });
    },
  });
}

export function useUpdateSku(supplierId: string, productId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ skuId, body }: { skuId: string; body: SkuUpdate }) => expectBody<SkuView>(api.PATCH('/api/skus/{id}', { params: { path: { id: skuId } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.product(productId) });
      await queryClient.invalidateQueries({ queryKey: keys.products(supplierId) });
    },
  });
}

/** Uploads an image as raw bytes with its own content type (the API sniffs and checks it: JPEG, PNG or WebP, ≤ 5 MB). */
export function useUploadImage(productId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      expectBody<ImageUploadView>(
        api.POST('/api/products/{id}/images', {
          params: { path: { id: productId } },
          // The generated type says "string" for a binary body; the bytes go as they are.
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'Content-Type': file.type || 'application/octet-stream' },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.product(productId) }),
  });
}

export function useApplyCertification() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ productId, evidence }: { productId: string; evidence: string }) =>
      expectBody<CertificationView>(api.POST('/api/products/{id}/certifications', { params: { path: { id: productId } }, body: evidence ? { evidence } : {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.allCertifications() }),
  });
}

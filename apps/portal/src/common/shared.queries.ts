import { expectBody } from '@shanhai/api-client';
import type { DivisionView, ProductDetail } from '@shanhai/contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { keys } from '../api/keys';
import type { CategoryView, CertificationView, DivisionDetailView, HelpedView, OrganisationView, ProductionBaseView } from '../api/views';

/** An organisation's profile: one's own, or (for officials) a supplier in the jurisdiction. */
export function useOrganisation(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: keys.organisation(id ?? ''),
    queryFn: ({ signal }) => expectBody<OrganisationView>(api.GET('/api/organisations/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: id !== null,
  });
}

export function useProductionBases(organisationId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: keys.bases(organisationId ?? ''),
    queryFn: ({ signal }) =>
      expectBody<ProductionBaseView[]>(api.GET('/api/organisations/{id}/production-bases', { params: { path: { id: organisationId ?? '' } }, signal })),
    enabled: organisationId !== null,
  });
}

export function useCategories() {
  const api = useApi();
  return useQuery({
    queryKey: keys.categories(),
    queryFn: ({ signal }) => expectBody<CategoryView[]>(api.GET('/api/categories', { signal })),
    staleTime: 10 * 60_000,
  });
}

/** A division with its path from the province down (names for codes). */
export function useDivision(code: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: keys.division(code ?? ''),
    queryFn: ({ signal }) => expectBody<DivisionDetailView>(api.GET('/api/divisions/{code}', { params: { path: { code: code ?? '' } }, signal })),
    enabled: code !== null && /^\d{6}$/.test(code),
    staleTime: 60 * 60_000,
  });
}

export function useDivisionChildren(parent: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: keys.divisionChildren(parent ?? ''),
    queryFn: ({ signal }) => expectBody<DivisionView[]>(api.GET('/api/divisions', { params: { query: { parent: parent ?? undefined } }, signal })),
    enabled: parent !== null,
    staleTime: 60 * 60_000,
  });
}

/** Whether a county is covered by an East–West pairing today: only then can its products be certified. */
export function useHelped(countyCode: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: keys.helped(countyCode ?? ''),
    queryFn: ({ signal }) => expectBody<HelpedView>(api.GET('/api/divisions/{code}/pairings', { params: { path: { code: countyCode ?? '' } }, signal })),
    enabled: countyCode !== null,
    staleTime: 10 * 60_000,
  });
}

/**
 * A product with its SKUs, lots, images and certificate. The catalog's product page answers hidden products
 * (drafts, an unverified supplier's) to their supplier and to officials of the product's county, which is what
 * both sides of the portal need.
 */
export function useProductDetail(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: keys.product(id ?? ''),
    queryFn: ({ signal }) => expectBody<ProductDetail>(api.GET('/api/catalog/products/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: id !== null,
  });
}

/** Applications and certificates this organisation can see: a cooperative its own, an official the jurisdiction's. */
export function useCertifications(status: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: keys.certifications(status ?? 'all'),
    queryFn: ({ signal }) =>
      expectBody<CertificationView[]>(
        api.GET('/api/certifications', { params: { query: status ? { status: status as 'applied' | 'certified' | 'rejected' | 'revoked' } : {} }, signal }),
      ),
  });
}


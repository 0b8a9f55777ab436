import { expectBody } from '@shanhai/api-client';
import type { InvoicePage, InvoiceView } from '@shanhai/contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { IDENTITY_KEY } from '../identity/identity.queries';

export const invoiceKeys = {
  list: (organisationId: string | null, page: number) => [IDENTITY_KEY, 'invoices', organisationId, page] as const,
  one: (id: string) => [IDENTITY_KEY, 'invoice', id] as const,
};

/** The organisation's invoices, newest first. */
export function useInvoices(organisationId: string | null, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: invoiceKeys.list(organisationId, page),
    queryFn: ({ signal }) =>
      expectBody<InvoicePage>(api.GET('/api/invoices', { params: { query: { organisationId: organisationId ?? undefined, page, pageSize: 20 } }, signal })),
    enabled: organisationId !== null,
  });
}

/** One invoice with its credit notes. */
export function useInvoice(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: invoiceKeys.one(id),
    queryFn: ({ signal }) => expectBody<InvoiceView>(api.GET('/api/invoices/{id}', { params: { path: { id } }, signal })),
  });
}

import { expectBody } from '@shanhai/api-client';
import type { SettlementView } from '@shanhai/contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { keys } from '../../api/keys';

/** The cooperative's settlement ledger: earned, adjusted, paid out and owed, newest entries first. */
export function useSettlement(supplierId: string, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: keys.settlement(supplierId, page),
    queryFn: ({ signal }) =>
      expectBody<SettlementView>(api.GET('/api/suppliers/{id}/settlement', { params: { path: { id: supplierId }, query: { page, pageSize: 20 } }, signal })),
  });
}

import { useLocalize } from '@shanhai/ui';
import { useCurrentWorkspace } from '../../identity/workspace-provider';
import { useSupplierSkus } from '../catalog/catalog.queries';

/** One of the cooperative's SKUs as the agreement forms offer it. */
export interface SkuOption {
  id: string;
  label: string;
  unit: string;
  minOrderQuantity: number;
  orderMultiple: number;
  leadTimeDays: number;
  listPriceFen: number;
}

/** The cooperative's SKUs (every product's detail, as the stock page reads them), labelled product · code · packing. */
export function useSkuOptions(): { pending: boolean; options: SkuOption[] } {
  const workspace = useCurrentWorkspace();
  const localize = useLocalize();
  const skus = useSupplierSkus(workspace.organisationId);
  return {
    pending: skus.pending,
    options: skus.rows.map(({ product, sku }) => {
      const unit = localize(sku.packingUnitZh, sku.packingUnitEn);
      return {
        id: sku.id,
        label: `${localize(product.nameZh, product.nameEn)} · ${sku.code} · ${unit}`,
        unit,
        minOrderQuantity: sku.minOrderQuantity,
        orderMultiple: sku.orderMultiple,
        leadTimeDays: sku.leadTimeDays,
        listPriceFen: sku.priceFen,
      };
    }),
  };
}

import { useLocalize } from '@shanhai/ui';
import { useOrganisation } from '../common/shared.queries';

export { DivisionName } from '../common/division-name';

/** A supplier's name (officials may read the suppliers of their jurisdiction). */
export function SupplierName({ id }: { id: string }) {
  const localize = useLocalize();
  const organisation = useOrganisation(id);
  return <>{organisation.data ? localize(organisation.data.name, organisation.data.nameEn) : '…'}</>;
}

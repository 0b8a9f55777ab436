import { useLocalize } from '@shanhai/ui';
import { useDivision } from './shared.queries';

/** A division code shown by its names from the province down ("甘肃省 › 云岭州 › 白石县"), the code while loading. */
export function DivisionName({ code, short = false }: { code: string | null; short?: boolean }) {
  const localize = useLocalize();
  const division = useDivision(code);
  if (!code) return <>—</>;
  if (!division.data) return <span className="code">{code}</span>;
  const path = short ? division.data.path.slice(-1) : division.data.path;
  return <>{path.map((d) => localize(d.name, d.nameEn)).join(' › ')}</>;
}

import type { PairingView } from '@shanhai/contract';
import { isWithinDivision } from '@shanhai/domain';

export interface RankedPairing {
  readonly pairing: PairingView;
  /** The pairing's eastern side holds one of the buyer's delivery sites: it is the buyer's own city's. */
  readonly mine: boolean;
  /** The western counties paired on `day`. */
  readonly counties: PairingView['counties'];
}

const inForce = (from: string, to: string | null, day: string): boolean => from <= day && (to === null || to >= day);

/**
 * The pairings in force on `day`, the buyer's own first. A buyer's city is where its delivery sites are
 * (organisations carry no city of their own); a pairing's eastern side is a city or a whole province, so a
 * site anywhere inside it makes the pairing the buyer's.
 */
export function rankPairings(pairings: readonly PairingView[], siteCountyCodes: readonly string[], day: string): RankedPairing[] {
  return pairings
    .filter((p) => inForce(p.validFrom, p.validTo, day))
    .map((pairing) => ({
      pairing,
      mine: siteCountyCodes.some((code) => isWithinDivision(pairing.eastDivisionCode, code)),
      counties: pairing.counties.filter((c) => inForce(c.validFrom, c.validTo, day)),
    }))
    .filter((r) => r.counties.length > 0)
    .sort((a, b) => Number(b.mine) - Number(a.mine) || a.pairing.name.localeCompare(b.pairing.name, 'zh-CN'));
}

import type { PairingView } from '@shanhai/contract';
import { describe, expect, it } from 'vitest';
import { PAIRINGS } from '../testing/fixtures';
import { rankPairings } from './buyer-pairings';

describe('rankPairings', () => {
  it("puts the pairing of the buyer's city first: a delivery site in a district of the eastern city", () => {
    const ranked = rankPairings(PAIRINGS, ['339801'], '2026-11-28');
    expect(ranked.map((r) => [r.pairing.eastDivisionName, r.mine])).toEqual([
      ['东澜市', true],
      ['海滨市', false],
    ]);
  });

  it('matches a pairing whose eastern side is a whole province', () => {
    const provincial: PairingView = { ...PAIRINGS[0], id: 'p', eastDivisionCode: '330000', eastDivisionName: '浙江省' };
    expect(rankPairings([provincial], ['339802'], '2026-11-28')[0].mine).toBe(true);
  });

  it('marks nothing as mine for an anonymous visitor', () => {
    expect(rankPairings(PAIRINGS, [], '2026-11-28').some((r) => r.mine)).toBe(false);
  });

  it('leaves out pairings and counties not in force on the day', () => {
    const ended: PairingView = { ...PAIRINGS[0], validTo: '2025-12-31' };
    const partly: PairingView = {
      ...PAIRINGS[1],
      counties: [PAIRINGS[1].counties[0], { ...PAIRINGS[1].counties[1], validTo: '2026-06-30' }],
    };
    const ranked = rankPairings([ended, partly], ['339801'], '2026-11-28');
    expect(ranked).toHaveLength(1);
    expect(ranked[0].counties.map((c) => c.countyCode)).toEqual(['629801']);
  });
});

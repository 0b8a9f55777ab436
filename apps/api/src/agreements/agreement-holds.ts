import type { EntityManager } from 'typeorm';
import type { AgreementRepository } from '@shanhai/persistence';
import { catalogVersion } from '../catalog/catalog-version';

/**
 * Re-reads an agreement (the caller holds its lock) and brings the stock it holds in line with it. Holding or
 * releasing stock changes what the catalog shows as available, so this process's catalog caches are dropped too.
 */
export async function resyncHolds(agreements: AgreementRepository, tx: EntityManager, id: string, today: string): Promise<void> {
  const state = await agreements.load(tx, id);
  if (!state) return;
  await agreements.syncHolds(tx, state, today);
  catalogVersion.bump();
}

import { Injectable } from '@nestjs/common';
import { SkuOfferRepository as SharedSkuOfferRepository } from '@shanhai/persistence';

export type { SkuOffer } from '@shanhai/persistence';

/** What a buyer can order of a SKU right now; the SQL is shared with the worker (libs/persistence). */
@Injectable()
export class SkuOfferRepository extends SharedSkuOfferRepository {}

import { Initial1795889226202 } from './1795889226202-Initial';
import { CatalogSearchIndex1795889300000 } from './1795889300000-CatalogSearchIndex';
import { Ordering1795890915547 } from './1795890915547-Ordering';
import { CompletionPolicy1795891329603 } from './1795891329603-CompletionPolicy';
import { CatalogBrowseIndexes1795891500000 } from './1795891500000-CatalogBrowseIndexes';
import { PaymentReconciliation1795891676402 } from './1795891676402-PaymentReconciliation';
import { Statistics1795899449676 } from './1795899449676-Statistics';
import { Agreements1795899927459 } from './1795899927459-Agreements';
import { StatSupplierIndex1795910850176 } from './1795910850176-StatSupplierIndex';
import { EvidenceDocuments1795910894781 } from './1795910894781-EvidenceDocuments';


/** Every migration, in order. The schema check (scripts/schema-diff.mjs) fails when entities drift from these. */
export const MIGRATIONS = [Initial1795889226202, CatalogSearchIndex1795889300000, Ordering1795890915547, CompletionPolicy1795891329603, CatalogBrowseIndexes1795891500000, PaymentReconciliation1795891676402, Statistics1795899449676, Agreements1795899927459, StatSupplierIndex1795910850176, EvidenceDocuments1795910894781];

/**
 * Response shapes the API returns but `@shanhai/contract` does not name yet (the endpoints return their
 * TypeORM entities). Only the fields the front ends read are listed; move these into the contract's
 * views when the API adopts them, and delete this file.
 */
export interface DeliverySiteView {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly address: string;
  /** The eastern county (district) the site is in: the buyer's side of a pairing. */
  readonly countyCode: string;
  readonly receivingHours: string | null;
}

export interface OrganisationSummaryView {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly verificationStatus: string;
}

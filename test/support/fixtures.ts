import { randomBytes } from 'node:crypto';
import { addDays, businessDay, creditCodeCheckChar } from '@shanhai/domain';
import { MembershipEntity, OrganisationEntity, UserEntity } from '@shanhai/persistence';
import { hashPassword } from '../../apps/api/src/identity/password';
import { TestApp } from './test-app';

export const PASSWORD = 'correct horse battery';
export const EAST_CITY = '339800';
export const EAST_DISTRICT = '339801';
export const QINGYA = '629801';
export const BAISHI = '629802';
export const WEST_PREFECTURE = '629800';
/** A real county outside every pairing of these tests (Yuzhong County, Lanzhou). */
export const UNPAIRED_COUNTY = '620123';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function creditCode(): string {
  const bytes = randomBytes(8);
  const body = `9133${String(1000 + (bytes[0] % 9000))}MA${[...bytes.subarray(1, 8)].map((b) => ALPHABET[b % 31]).join('')}`.slice(0, 17).padEnd(17, '0');
  return body + creditCodeCheckChar(body);
}

let seq = 0;
export const uniqueEmail = (tag: string): string => `${tag}-${process.pid}-${++seq}-${randomBytes(3).toString('hex')}@test.shanhai.cn`;

export interface Actor {
  token: string;
  userId: string;
  orgId: string;
  email: string;
}

/** Builds the people and organisations a test needs, through the API wherever a user could. */
export class Fixtures {
  private operatorActor: Actor | null = null;

  constructor(private readonly t: TestApp) {}

  async operator(): Promise<Actor> {
    if (this.operatorActor) return this.operatorActor;
    // The first operator cannot sign itself up; installations create it the same way (seed / admin CLI).
    const org = await this.t.db.getRepository(OrganisationEntity).save({ kind: 'operator', name: '测试运营', verificationStatus: 'verified' });
    const email = uniqueEmail('operator');
    const user = await this.t.db.getRepository(UserEntity).save({ email, displayName: 'Operator', passwordHash: await hashPassword(PASSWORD), locale: 'zh-CN' });
    await this.t.db.getRepository(MembershipEntity).insert({ userId: user.id, organisationId: org.id, role: 'operator' });
    this.operatorActor = { token: await this.signIn(email), userId: user.id, orgId: org.id, email };
    return this.operatorActor;
  }

  async signIn(email: string, password = PASSWORD): Promise<string> {
    const res = await this.t.post('/api/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token;
  }

  async signUp(tag: string, organisation?: Record<string, unknown>): Promise<Actor> {
    const email = uniqueEmail(tag);
    const res = await this.t.post('/api/auth/sign-up', { email, password: PASSWORD, displayName: tag, organisation });
    if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { token: res.body.token, userId: res.body.user.id, orgId: res.body.user.memberships[0]?.organisationId ?? '', email };
  }

  async pairing(counties: string[] = [QINGYA, BAISHI], validFrom = '2021-01-01'): Promise<string> {
    const op = await this.operator();
    const res = await this.t.post('/api/pairings', { name: '东澜—云岭', eastDivisionCode: EAST_CITY, validFrom, counties: counties.map((countyCode) => ({ countyCode })) }, op.token);
    if (res.status !== 201) throw new Error(`pairing failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  async official(divisionCode: string): Promise<Actor> {
    const op = await this.operator();
    const org = await this.t.post('/api/organisations', { kind: 'jurisdiction', name: `辖区 ${divisionCode}`, divisionCode }, op.token);
    if (org.status !== 201) throw new Error(`jurisdiction failed: ${org.status} ${JSON.stringify(org.body)}`);
    const person = await this.signUp(`official-${divisionCode}`);
    const added = await this.t.post(`/api/organisations/${org.body.id}/members`, { email: person.email, role: 'official' }, op.token);
    if (added.status !== 201) throw new Error(`add official failed: ${added.status} ${JSON.stringify(added.body)}`);
    return { ...person, token: await this.signIn(person.email), orgId: org.body.id };
  }

  async supplier(countyCode = QINGYA, options: { verifiedBy?: Actor; name?: string } = {}): Promise<Actor> {
    const actor = await this.signUp('supplier', { kind: 'supplier', name: options.name ?? `合作社 ${++seq}`, supplierType: 'cooperative', countyCode });
    if (options.verifiedBy) {
      const res = await this.t.post(`/api/organisations/${actor.orgId}/verification`, { decision: 'verified' }, options.verifiedBy.token);
      if (res.status !== 201) throw new Error(`verification failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return actor;
  }

  async buyer(buyerType = 'school'): Promise<Actor> {
    return this.signUp('buyer', { kind: 'buyer', name: `采购单位 ${++seq}`, buyerType, creditCode: creditCode() });
  }

  async deliverySite(buyer: Actor, countyCode = EAST_DISTRICT): Promise<string> {
    const res = await this.t.post(`/api/organisations/${buyer.orgId}/delivery-sites`, { name: '食堂', address: '东澜市澜湾区学府路 1 号', countyCode, receivingHours: '06:00-08:00' }, buyer.token);
    if (res.status !== 201) throw new Error(`site failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  /** An active product with one SKU and one lot of `units`; returns ids. */
  async product(
    supplier: Actor,
    options: {
      nameZh?: string;
      nameEn?: string;
      countyCode?: string;
      categoryCode?: string;
      units?: number;
      priceFen?: number;
      status?: string;
      storageClass?: string;
      /** Tiers of the SKU; the default is one tier of 10 units at 90% of the price. */
      priceTiers?: Array<{ minQuantity: number; unitPriceFen: number }>;
      minOrderQuantity?: number;
      orderMultiple?: number;
      leadTimeDays?: number;
      netWeightG?: number;
    } = {},
  ): Promise<{ productId: string; skuId: string; skuCode: string; lotId: string; baseId: string }> {
    const bases = await this.t.get(`/api/organisations/${supplier.orgId}/production-bases`, supplier.token);
    let baseId: string = bases.body[0]?.id;
    if (!baseId) {
      const base = await this.t.post(`/api/organisations/${supplier.orgId}/production-bases`, { name: '基地', countyCode: options.countyCode ?? QINGYA }, supplier.token);
      if (base.status !== 201) throw new Error(`base failed: ${base.status} ${JSON.stringify(base.body)}`);
      baseId = base.body.id;
    }
    const product = await this.t.post(
      `/api/suppliers/${supplier.orgId}/products`,
      {
        categoryCode: options.categoryCode ?? 'potatoes',
        originCountyCode: options.countyCode ?? QINGYA,
        nameZh: options.nameZh ?? '高山土豆',
        nameEn: options.nameEn ?? 'Highland potatoes',
        storageClass: options.storageClass ?? 'ambient',
        status: options.status ?? 'active',
      },
      supplier.token,
    );
    if (product.status !== 201) throw new Error(`product failed: ${product.status} ${JSON.stringify(product.body)}`);
    const sku = await this.t.post(
      `/api/products/${product.body.id}/skus`,
      {
        code: `SKU-${randomBytes(4).toString('hex')}`,
        packingUnitZh: '10公斤箱',
        netWeightG: options.netWeightG ?? 10_000,
        priceFen: options.priceFen ?? 4_000,
        priceTiers: options.priceTiers ?? [{ minQuantity: 10, unitPriceFen: Math.floor((options.priceFen ?? 4_000) * 0.9) }],
        minOrderQuantity: options.minOrderQuantity ?? 1,
        orderMultiple: options.orderMultiple ?? 1,
        leadTimeDays: options.leadTimeDays ?? 1,
      },
      supplier.token,
    );
    if (sku.status !== 201) throw new Error(`sku failed: ${sku.status} ${JSON.stringify(sku.body)}`);
    const lot = await this.t.post(`/api/skus/${sku.body.id}/lots`, { baseId, code: 'L1', harvestDate: '2026-09-01', quantityUnits: options.units ?? 100 }, supplier.token);
    if (lot.status !== 201) throw new Error(`lot failed: ${lot.status} ${JSON.stringify(lot.body)}`);
    return { productId: product.body.id, skuId: sku.body.id, skuCode: sku.body.code, lotId: lot.body.id, baseId };
  }

  /**
   * A supplier applies to certify a product and an official certifies it; by default the
   * certificate is valid from 30 days ago for a year. Returns the certification id.
   */
  async certify(supplier: Actor, official: Actor, productId: string, decision: Record<string, unknown> = {}): Promise<string> {
    const applied = await this.t.post(`/api/products/${productId}/certifications`, { evidence: '合作社带动脱贫户名单' }, supplier.token);
    if (applied.status !== 201) throw new Error(`apply failed: ${applied.status} ${JSON.stringify(applied.body)}`);
    const today = businessDay();
    const decided = await this.t.post(
      `/api/certifications/${applied.body.id}/decision`,
      {
        decision: 'certify',
        certificateNo: `帮认-${randomBytes(4).toString('hex')}`,
        authority: '青崖县农业农村局',
        validFrom: addDays(today, -30),
        validTo: addDays(today, 365),
        householdsReached: 25,
        incomeModes: ['wages', 'operating'],
        ...decision,
      },
      official.token,
    );
    if (decided.status !== 201) throw new Error(`certify failed: ${decided.status} ${JSON.stringify(decided.body)}`);
    return applied.body.id;
  }
}

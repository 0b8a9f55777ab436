import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, businessDay, creditCodeCheckChar } from '@shanhai/domain';
import type { Role } from '@shanhai/domain';
import { MembershipEntity, OrganisationEntity, UserEntity } from '@shanhai/persistence';
import { AgreementService } from '../agreements/agreement.service';
import { CommitmentService } from '../agreements/commitment.service';
import { AppModule } from '../app.module';
import { CertificationService } from '../catalog/certification.service';
import { ProductService } from '../catalog/product.service';
import { loadConfig } from '../config/app-config';
import { hashPassword } from '../identity/password';
import { Principal } from '../identity/principal';
import { PurchasingSettingsService } from '../ordering/purchasing-settings.service';
import { OrganisationService } from '../identity/organisation.service';
import { DivisionService } from '../places/division.service';
import { PairingService } from '../places/pairing.service';
import { DEMO_BUYERS, DEMO_PASSWORD, DEMO_SUPPLIERS } from './demo-catalog';
import { DEMO_PLACES, insertDemoPlaces } from './demo-places';

/** A valid unified social credit code made from a running number (demo only). */
function creditCode(n: number): string {
  const body = `91${DEMO_PLACES.eastCity.code.slice(0, 4)}00MA${String(n).padStart(7, '0')}`.slice(0, 17);
  return body + creditCodeCheckChar(body);
}

/**
 * Seeds the demo (in Chinese with English) into an empty database, through the same services the
 * API uses, so the demo obeys every rule a real user would meet. Does nothing when data exists.
 */
export async function seedDemo(databaseUrl: string, log: (line: string) => void = console.log): Promise<boolean> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(loadConfig({ databaseUrl, logLevel: 'warn' })), { logger: ['error', 'warn'] });
  try {
    const db = app.get<DataSource>(getDataSourceToken());
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM organisations');
    if (n > 0) {
      log('seed: the database already holds data; demo not seeded');
      return false;
    }
    await insertDemoPlaces(db);
    app.get(DivisionService).invalidate();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const orgs = app.get(OrganisationService);
    const principalFor = (userId: string, org: OrganisationEntity, roles: Role[]): Principal =>
      new Principal(
        userId,
        'seed',
        roles.map((role) => ({ organisationId: org.id, organisationKind: org.kind, organisationName: org.name, role, divisionCode: org.divisionCode })),
      );
    const user = async (email: string, displayName: string, org: OrganisationEntity, roles: Role[]): Promise<Principal> => {
      const saved = await db.getRepository(UserEntity).save({ email, displayName, passwordHash, locale: 'zh-CN' });
      await db.getRepository(MembershipEntity).insert(roles.map((role) => ({ userId: saved.id, organisationId: org.id, role })));
      return principalFor(saved.id, org, roles);
    };

    const operatorOrg = await orgs.create({ kind: 'operator', name: '山海平台运营中心', nameEn: 'Shanhai Platform Operations' });
    const operator = await user('operator@demo.shanhai.cn', '平台运营 (Operator)', operatorOrg, ['operator']);

    const pairingStart = `${Number(businessDay().slice(0, 4)) - 5}-01-01`;
    await app.get(PairingService).create({
      name: '东澜市—云岭州东西部协作',
      nameEn: 'Donglan–Yunling East–West collaboration',
      eastDivisionCode: DEMO_PLACES.eastCity.code,
      validFrom: pairingStart,
      counties: DEMO_PLACES.westCounties.map((c) => ({ countyCode: c.code })),
    });

    const eastOffice = await orgs.create({ kind: 'jurisdiction', name: '东澜市东西部协作办公室', nameEn: 'Donglan East–West Collaboration Office', divisionCode: DEMO_PLACES.eastCity.code });
    await user('official-east@demo.shanhai.cn', '东澜协作办 李主任', eastOffice, ['official']);
    const westOffice = await orgs.create({ kind: 'jurisdiction', name: '云岭州乡村振兴局', nameEn: 'Yunling Rural Revitalisation Bureau', divisionCode: DEMO_PLACES.westPrefecture.code });
    const westOfficial = await user('official-west@demo.shanhai.cn', '云岭州乡村振兴局 马科长', westOffice, ['official']);

    let serial = 1;
    const buyers = new Map<string, { admin: Principal; siteIds: string[] }>();
    const suppliers = new Map<string, { staff: Principal; skuIds: Map<string, string> }>();
    for (const b of DEMO_BUYERS) {
      const org = await orgs.create({ kind: 'buyer', name: b.name, nameEn: b.nameEn, buyerType: b.type, creditCode: creditCode(serial++) });
      const admin = await user(b.email, `${b.name} 采购员`, org, ['buyer_admin', 'buyer_purchaser']);
      await user(b.approverEmail, `${b.name} 审批人`, org, ['buyer_approver']);
      const siteIds: string[] = [];
      for (const s of b.sites) {
        siteIds.push((await orgs.addDeliverySite(admin, org.id, { name: s.name, address: s.address, countyCode: s.county, receivingHours: s.hours })).id);
      }
      buyers.set(b.email, { admin, siteIds });
      // The government canteen pays by invoice on 30-day terms (docs/payments.md), as public buyers usually do.
      if (b.type === 'government') await app.get(PurchasingSettingsService).setNetTerms(org.id, 30);
    }

    const products = app.get(ProductService);
    const certs = app.get(CertificationService);
    const today = businessDay();
    let certNo = 1;
    let productCount = 0;
    for (const s of DEMO_SUPPLIERS) {
      const org = await orgs.create({ kind: 'supplier', name: s.name, nameEn: s.nameEn, supplierType: s.type, divisionCode: s.county, creditCode: creditCode(serial++) });
      const staff = await user(s.email, `${s.name} 管理员`, org, ['supplier_admin', 'supplier_staff']);
      const skuIds = new Map<string, string>();
      suppliers.set(s.email, { staff, skuIds });
      await orgs.update(staff, org.id, { householdsLifted: s.households[0], householdsMonitored: s.households[1], householdsAtRisk: s.households[2], contactName: '合作社理事长', contactPhone: '0932-5550100' });
      const bases = [];
      for (const base of s.bases) bases.push(await orgs.addProductionBase(staff, org.id, { name: base.name, countyCode: s.county, areaM2: base.areaM2 }));
      if (s.verified) await orgs.decideVerification(westOfficial, org.id, { decision: 'verified', note: '营业执照、基地和带农台账已核验' });
      for (const [i, d] of s.products.entries()) {
        const product = await products.create(staff, org.id, {
          categoryCode: d.category,
          originCountyCode: s.county,
          nameZh: d.nameZh,
          nameEn: d.nameEn,
          descriptionZh: d.descriptionZh,
          descriptionEn: d.descriptionEn,
          grade: d.grade,
          spec: d.spec,
          storageClass: d.storage,
          shelfLifeDays: d.shelfLifeDays,
          seasons: d.seasons,
          status: 'active',
        });
        productCount++;
        for (const [j, [unitZh, unitEn, grams, priceFen, tiers, min, multiple, lead]] of d.skus.entries()) {
          const sku = await products.addSku(staff, product.id, {
            code: `${s.key.toUpperCase()}-${String(i + 1).padStart(2, '0')}-${j + 1}`,
            packingUnitZh: unitZh,
            packingUnitEn: unitEn,
            netWeightG: grams,
            priceFen,
            priceTiers: tiers.map(([minQuantity, unitPriceFen]) => ({ minQuantity, unitPriceFen })),
            minOrderQuantity: min,
            orderMultiple: multiple,
            leadTimeDays: lead,
          });
          skuIds.set(sku.code, sku.id);
          // Two lots per SKU, the older one nearly sold through, so earliest-harvest-first allocation shows.
          await products.addLot(staff, sku.id, { baseId: bases[0].id, code: `${sku.code}-L1`, harvestDate: addDays(today, -60 - i), quantityUnits: 40 + 10 * i, inspectionNote: '农残快检合格' });
          await products.addLot(staff, sku.id, { baseId: bases[bases.length - 1].id, code: `${sku.code}-L2`, harvestDate: addDays(today, -12 - i), quantityUnits: 300 + 25 * j, inspectionNote: '农残快检合格；分级抽检合格' });
        }
        if (d.certified && s.verified) {
          const application = await certs.apply(staff, product.id, { evidence: '产地证明、基地台账、带农增收协议' });
          await certs.decide(westOfficial, application.id, {
            decision: 'certify',
            certificateNo: `云岭帮认〔${today.slice(0, 4)}〕${String(certNo++).padStart(4, '0')}号`,
            authority: '云岭州乡村振兴局',
            validFrom: `${today.slice(0, 4)}-01-01`,
            validTo: `${Number(today.slice(0, 4)) + 1}-12-31`,
            householdsReached: s.households[0] + s.households[1],
            incomeModes: i % 3 === 0 ? ['wages', 'operating'] : ['operating'],
          });
        }
      }
    }
    await seedAgreement(app.get(AgreementService), app.get(CommitmentService), buyers.get('school@demo.shanhai.cn')!, suppliers.get('potato@demo.shanhai.cn')!, today);
    void operator;
    log(`seed: demo ready — ${DEMO_BUYERS.length} buyers, ${DEMO_SUPPLIERS.length} suppliers, ${productCount} products; password for every demo account: ${DEMO_PASSWORD}`);
    return true;
  } finally {
    await app.close();
  }
}

/**
 * 农校对接: the school and the potato cooperative agree on 20 cases of yellow-flesh potatoes every
 * Monday and Thursday for four months at a fixed ¥35.00 a case, paid per delivery; the school has
 * also committed to purple-skin potatoes from the coming harvest, which the cooperative acknowledged.
 * The worker holds stock for the next two weeks and generates each delivery's order ahead of it.
 */
async function seedAgreement(
  agreements: AgreementService,
  commitments: CommitmentService,
  school: { admin: Principal; siteIds: string[] },
  potato: { staff: Principal; skuIds: Map<string, string> },
  today: string,
): Promise<void> {
  const proposed = await agreements.propose(school.admin, {
    skuId: potato.skuIds.get('POTATO-01-1')!,
    quantity: 20,
    price: { kind: 'fixed', unitPriceFen: 3_500 },
    schedule: { kind: 'weekly', weekdays: [1, 4] },
    deliverySiteId: school.siteIds[0],
    // From the third day: the SKU's lead time is two days, so the first delivery's order can still be made (a
    // delivery starting tomorrow would already be past its cut-off and show as missed in a fresh demo).
    startDate: addDays(today, 3),
    endDate: addDays(today, 120),
    paymentMethod: 'card',
    invoicing: 'per_delivery',
    orderDaysAhead: 4,
    noticeDays: 7,
    note: '学生食堂每周一、周四到货，10公斤箱装，一级黄心土豆',
  });
  await agreements.decide(potato.staff, proposed.id, { version: 1, decision: 'accept', note: '按约定每周两次发货' });
  const harvest = `${Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 9 ? 1 : 0)}-09`;
  const commitment = await commitments.create(school.admin, { skuId: potato.skuIds.get('POTATO-03-1')!, harvestMonth: harvest, quantity: 120, targetPriceFen: 3_000, deliverySiteId: school.siteIds[0], note: '秋季学期紫皮土豆' });
  await commitments.decide(potato.staff, commitment.id, { decision: 'acknowledge', note: '已按预购量安排种植' });
}

if (require.main === module) {
  seedDemo(loadConfig().databaseUrl).catch((err: Error) => {
    console.error(`seed: failed: ${err.stack ?? err.message}`);
    process.exit(1);
  });
}

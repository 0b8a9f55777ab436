import type { ProductDetail } from '@shanhai/contract';
import type { TFunction } from 'i18next';
import { parseWholeNumber } from '../../common/format';
import type { ProductInput, ProductUpdate } from './catalog.queries';

export type ProductStatus = 'draft' | 'active' | 'archived';
export type StorageClass = 'ambient' | 'chilled' | 'frozen';

export interface ProductFormValues {
  nameZh: string;
  nameEn: string;
  categoryCode: string;
  originCountyCode: string;
  grade: string;
  spec: string;
  storageClass: StorageClass;
  shelfLifeDays: string;
  seasons: number[];
  descriptionZh: string;
  descriptionEn: string;
  status: ProductStatus;
}

export type ProductField = keyof ProductFormValues;

export function emptyProductForm(originCountyCode: string): ProductFormValues {
  return {
    nameZh: '',
    nameEn: '',
    categoryCode: '',
    originCountyCode,
    grade: '',
    spec: '',
    storageClass: 'ambient',
    shelfLifeDays: '',
    seasons: [],
    descriptionZh: '',
    descriptionEn: '',
    status: 'draft',
  };
}

export function productFormFrom(product: ProductDetail): ProductFormValues {
  const county = product.origin.find((d) => d.level === 'county') ?? product.origin[product.origin.length - 1];
  return {
    nameZh: product.nameZh,
    nameEn: product.nameEn ?? '',
    categoryCode: product.category.code,
    originCountyCode: county?.code ?? '',
    grade: product.grade ?? '',
    spec: product.spec ?? '',
    storageClass: (['ambient', 'chilled', 'frozen'] as const).find((s) => s === product.storageClass) ?? 'ambient',
    shelfLifeDays: product.shelfLifeDays === null ? '' : String(product.shelfLifeDays),
    seasons: [...product.seasons],
    descriptionZh: product.descriptionZh ?? '',
    descriptionEn: product.descriptionEn ?? '',
    status: (['draft', 'active', 'archived'] as const).find((s) => s === product.status) ?? 'draft',
  };
}

const LIMITS: Partial<Record<ProductField, number>> = { nameZh: 200, nameEn: 200, grade: 100, spec: 200, descriptionZh: 5000, descriptionEn: 5000 };

export interface ProductValidation {
  readonly errors: Partial<Record<ProductField, string>>;
  /** The body to send when there are no errors. */
  readonly input: ProductInput | null;
}

/**
 * The form's own checks, the same the API makes (it makes them again): required fields, lengths, whole days.
 * Empty optional fields are left out of the body rather than sent as "".
 */
export function validateProductForm(values: ProductFormValues, t: TFunction): ProductValidation {
  const errors: Partial<Record<ProductField, string>> = {};
  if (!values.nameZh.trim()) errors.nameZh = t('form.required');
  if (!values.categoryCode) errors.categoryCode = t('form.choose');
  if (!/^[1-9]\d{5}$/.test(values.originCountyCode)) errors.originCountyCode = t('form.choose');
  for (const [field, max] of Object.entries(LIMITS) as Array<[ProductField, number]>) {
    const value = values[field];
    if (typeof value === 'string' && value.trim().length > max) errors[field] ??= t('form.tooLong', { max });
  }
  const shelfLife = parseWholeNumber(values.shelfLifeDays);
  if (shelfLife !== null && (Number.isNaN(shelfLife) || shelfLife < 1 || shelfLife > 3650)) errors.shelfLifeDays = t('form.wholeNumberBetween', { min: 1, max: 3650 });
  if (Object.keys(errors).length > 0) return { errors, input: null };
  const optional = (text: string) => (text.trim() ? text.trim() : undefined);
  return {
    errors,
    input: {
      nameZh: values.nameZh.trim(),
      nameEn: optional(values.nameEn),
      categoryCode: values.categoryCode,
      originCountyCode: values.originCountyCode,
      grade: optional(values.grade),
      spec: optional(values.spec),
      storageClass: values.storageClass,
      shelfLifeDays: shelfLife ?? undefined,
      seasons: [...new Set(values.seasons)].sort((a, b) => a - b),
      descriptionZh: optional(values.descriptionZh),
      descriptionEn: optional(values.descriptionEn),
      status: values.status,
    },
  };
}

/** An update carries what the API lets change: everything but the origin, which certification depends on. */
export function toProductUpdate(input: ProductInput): ProductUpdate {
  const { originCountyCode: _origin, ...rest } = input;
  // Cleared text fields are sent as "" so that they are cleared, not left as they were.
  return { ...rest, nameEn: rest.nameEn ?? '', grade: rest.grade ?? '', spec: rest.spec ?? '', descriptionZh: rest.descriptionZh ?? '', descriptionEn: rest.descriptionEn ?? '' };
}

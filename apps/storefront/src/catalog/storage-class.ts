import { STORAGE_CLASSES, type StorageClass } from '@shanhai/domain';

export function isStorageClass(value: string): value is StorageClass {
  return (STORAGE_CLASSES as readonly string[]).includes(value);
}

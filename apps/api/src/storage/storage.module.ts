import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DiskStorage, ObjectStorage } from './object-storage';

@Module({
  providers: [{ provide: ObjectStorage, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new DiskStorage(config.storageDir) }],
  exports: [ObjectStorage],
})
export class StorageModule {}

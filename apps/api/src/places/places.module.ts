import { Module } from '@nestjs/common';
import { DivisionService } from './division.service';
import { PairingService } from './pairing.service';
import { PlacesController } from './places.controller';

@Module({
  controllers: [PlacesController],
  providers: [DivisionService, PairingService],
  exports: [DivisionService, PairingService],
})
export class PlacesModule {}

import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DivisionCodeParam, UuidParam } from '../common/params';
import { Public, Roles } from '../identity/auth.decorators';
import { DivisionService } from './division.service';
import { PairingService } from './pairing.service';
import { CreatePairingDto, DivisionQueryDto, HelpedQueryDto } from './places.dto';

@ApiTags('places')
@Controller()
export class PlacesController {
  constructor(
    private readonly divisions: DivisionService,
    private readonly pairings: PairingService,
  ) {}

  @Public()
  @Get('divisions')
  @ApiOperation({ summary: 'GB/T 2260 divisions: provinces, or the children of `parent`' })
  listDivisions(@Query() query: DivisionQueryDto) {
    return this.divisions.children(query.parent ?? null);
  }

  @Public()
  @Get('divisions/:code')
  @ApiOperation({ summary: 'One division with its path from the province down' })
  getDivision(@DivisionCodeParam('code') code: string) {
    return this.divisions.get(code);
  }

  @Public()
  @Get('divisions/:code/pairings')
  @ApiOperation({ summary: 'The pairings that cover a county on a day; the county is helped while any does' })
  helped(@DivisionCodeParam('code') code: string, @Query() query: HelpedQueryDto) {
    return this.pairings.helped(code, query.on);
  }

  @Public()
  @Get('pairings')
  listPairings() {
    return this.pairings.list();
  }

  @Public()
  @Get('pairings/:id')
  getPairing(@UuidParam('id') id: string) {
    return this.pairings.get(id);
  }

  @ApiBearerAuth()
  @Roles('operator')
  @Post('pairings')
  @ApiOperation({ summary: 'Operator: pair an eastern city or province with western counties over a period' })
  createPairing(@Body() dto: CreatePairingDto) {
    return this.pairings.create(dto);
  }
}

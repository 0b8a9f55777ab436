import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/params';
import { CurrentPrincipal, Roles } from '../identity/auth.decorators';
import { Principal } from '../identity/principal';
import { DecisionService } from './decision.service';
import { DecisionsDto, PickListQueryDto, ShipmentDto, SupplierOrderQueryDto } from './fulfilment.dto';
import { ShipmentService } from './shipment.service';
import { SupplierOrderService } from './supplier-order.service';

@ApiTags('fulfilment')
@ApiBearerAuth()
@Controller()
export class SupplierOrderController {
  constructor(
    private readonly orders: SupplierOrderService,
    private readonly decisions: DecisionService,
    private readonly shipments: ShipmentService,
  ) {}

  @Roles('supplier_staff', 'supplier_admin')
  @Get('supplier-orders')
  @ApiOperation({ summary: "Cooperative: its supplier orders, by status and delivery date" })
  list(@CurrentPrincipal() p: Principal, @Query() query: SupplierOrderQueryDto) {
    return this.orders.list(p, query);
  }

  @Get('supplier-orders/:id')
  @ApiOperation({ summary: 'A supplier order with lines, lots, delivery site, receipt, evaluation and claims: for the cooperative and the buyer' })
  get(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string) {
    return this.orders.get(p, id);
  }

  @Roles('supplier_staff', 'supplier_admin')
  @Post('supplier-orders/:id/decisions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cooperative: accept or reject every line of a placed order; rejected lines return to stock and are refunded or credited' })
  decide(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: DecisionsDto) {
    return this.decisions.decide(p, id, dto);
  }

  @Roles('supplier_staff', 'supplier_admin')
  @Get('suppliers/:id/pick-list')
  @ApiOperation({ summary: 'Cooperative: accepted, unshipped lines per SKU with the lots to pick from, and per delivery site' })
  pickList(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Query() query: PickListQueryDto) {
    return this.orders.pickList(p, id, query);
  }

  @Roles('supplier_staff', 'supplier_admin')
  @Get('suppliers/:id/buyers')
  @ApiOperation({ summary: 'Cooperative: the buyer organisations it trades with (orders, agreements, commitments), most recent order first' })
  buyers(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string) {
    return this.orders.buyers(p, id);
  }

  @Roles('supplier_staff', 'supplier_admin')
  @Post('supplier-orders/:id/shipment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cooperative: ship an accepted order (carrier, tracking number, day it left)' })
  ship(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: ShipmentDto) {
    return this.shipments.ship(p, id, dto);
  }
}

import { Body, Controller, Delete, Get, Headers, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '../common/params';
import { CurrentPrincipal, Roles } from '../identity/auth.decorators';
import { Principal } from '../identity/principal';
import { CartService } from './cart.service';
import { ApprovalDecisionDto, BuyerScopeDto, CancelOrderDto, CartItemDto, CartQueryDto, NetTermsDto, OrderQueryDto, PlaceOrderDto, PurchasingSettingsDto, QuickOrderDto } from './ordering.dto';
import { OrderService } from './order.service';
import { PurchasingSettingsService } from './purchasing-settings.service';

@ApiTags('ordering')
@ApiBearerAuth()
@Controller()
export class OrderingController {
  constructor(
    private readonly carts: CartService,
    private readonly orders: OrderService,
    private readonly settings: PurchasingSettingsService,
  ) {}

  @Roles('buyer_purchaser', 'buyer_approver', 'buyer_admin')
  @Get('cart')
  @ApiOperation({ summary: 'Your cart, priced on the server with volume tiers, grouped by cooperative (fees when a site is given)' })
  cart(@CurrentPrincipal() p: Principal, @Query() query: CartQueryDto) {
    return this.carts.view(p, query);
  }

  @Roles('buyer_purchaser', 'buyer_admin')
  @Put('cart/items')
  @ApiOperation({ summary: 'Set the quantity of a SKU in the cart (minimum and multiple enforced)' })
  setItem(@CurrentPrincipal() p: Principal, @Body() dto: CartItemDto) {
    return this.carts.setItem(p, dto);
  }

  @Roles('buyer_purchaser', 'buyer_admin')
  @Delete('cart/items/:skuId')
  removeItem(@CurrentPrincipal() p: Principal, @UuidParam('skuId') skuId: string, @Query() query: BuyerScopeDto) {
    return this.carts.removeItem(p, skuId, query.organisationId);
  }

  @Roles('buyer_purchaser', 'buyer_admin')
  @Post('cart/quick-order')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add CSV lines "SKU code,quantity" to the cart, with a per-line report' })
  quickOrder(@CurrentPrincipal() p: Principal, @Body() dto: QuickOrderDto) {
    return this.carts.quickOrder(p, dto);
  }

  @Roles('buyer_purchaser', 'buyer_admin')
  @Post('orders/:id/reorder')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put the lines of a past order back in the cart, at today’s prices, with a per-line report' })
  reorder(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string) {
    return this.carts.reorder(p, id);
  }

  @Roles('buyer_purchaser', 'buyer_admin')
  @Post('orders')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first result and creates nothing new' })
  @ApiOperation({ summary: 'Check out the cart (or the given lines): reserve stock, split per cooperative, await approval or payment' })
  async place(
    @CurrentPrincipal() p: Principal,
    @Body() dto: PlaceOrderDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { view, replayed } = await this.orders.place(p, dto, key);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return view;
  }

  @Roles('buyer_purchaser', 'buyer_approver', 'buyer_admin')
  @Get('orders')
  list(@CurrentPrincipal() p: Principal, @Query() query: OrderQueryDto) {
    return this.orders.list(p, query);
  }

  @Get('orders/:id')
  @ApiOperation({ summary: 'An order: buyers see all of it; a cooperative sees its own supplier order within it' })
  get(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string) {
    return this.orders.get(p, id);
  }

  @Roles('buyer_approver')
  @Post('orders/:id/approval')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approver: approve or reject an order waiting above the threshold' })
  approve(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: ApprovalDecisionDto) {
    return this.orders.decideApproval(p, id, dto);
  }

  @Roles('buyer_purchaser', 'buyer_approver', 'buyer_admin')
  @Post('orders/:id/cancellation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel before anything ships; stock returns to its lots, payments are refunded' })
  cancel(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: CancelOrderDto) {
    return this.orders.cancel(p, id, dto.reason);
  }

  @Get('organisations/:id/purchasing')
  @ApiOperation({ summary: 'Members: how the organisation purchases — approval threshold, net terms, whether invoice payment is allowed' })
  purchasingSettings(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string) {
    return this.settings.get(p, id);
  }

  @Roles('buyer_admin')
  @Put('organisations/:id/purchasing')
  @ApiOperation({ summary: 'Buyer admin: the produce amount above which orders wait for an approver' })
  purchasing(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: PurchasingSettingsDto) {
    return this.settings.setApprovalThreshold(p, id, dto.approvalThresholdFen ?? null);
  }

  @Roles('operator')
  @Put('organisations/:id/net-terms')
  @ApiOperation({ summary: 'Operator: approve (or withdraw) paying by invoice on net terms for an institutional buyer' })
  netTerms(@UuidParam('id') id: string, @Body() dto: NetTermsDto) {
    return this.settings.setNetTerms(id, dto.days ?? null);
  }
}

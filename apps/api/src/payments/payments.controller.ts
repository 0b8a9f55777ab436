import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '../common/params';
import { CurrentPrincipal, Roles } from '../identity/auth.decorators';
import { Principal } from '../identity/principal';
import { CheckoutService } from './checkout.service';
import { InvoiceService } from './invoice.service';
import { InvoiceQueryDto, OpenCheckoutDto, PageDto, PayoutDto, ReconciliationRequestDto, RecordTransferDto, VoidInvoiceDto } from './payments.dto';
import { ReconciliationService } from './reconciliation.service';
import { SettlementService } from './settlement.service';

@ApiTags('payments')
@ApiBearerAuth()
@Controller()
export class PaymentsController {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly invoices: InvoiceService,
    private readonly settlement: SettlementService,
    private readonly reconciliation: ReconciliationService,
  ) {}

  @Roles('buyer_purchaser', 'buyer_admin')
  @Post('orders/:id/payment')
  @ApiOperation({ summary: 'Open (or hand out again) the Stripe Checkout Session that pays a card or wallet order; 201 new, 200 reused' })
  async pay(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: OpenCheckoutDto, @Res({ passthrough: true }) res: Response) {
    const view = await this.checkout.open(p, id, dto);
    res.status(view.reused ? 200 : 201);
    return view;
  }

  @Roles('buyer_purchaser', 'buyer_approver', 'buyer_admin', 'operator')
  @Get('invoices')
  @ApiOperation({ summary: 'Invoices: the operator sees all, a buyer its own; overdue=true lists open invoices past their due date' })
  listInvoices(@CurrentPrincipal() p: Principal, @Query() query: InvoiceQueryDto) {
    return this.invoices.list(p, query);
  }

  @Get('invoices/:id')
  getInvoice(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string) {
    return this.invoices.get(p, id);
  }

  @Roles('operator')
  @Post('invoices/:id/payment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Operator: record the bank transfer that paid an invoice; Stripe’s invoice is marked paid out of band' })
  recordTransfer(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: RecordTransferDto) {
    return this.invoices.recordTransfer(p, id, dto);
  }

  @Roles('operator')
  @Post('invoices/:id/void')
  @HttpCode(200)
  @ApiOperation({ summary: 'Operator: void an unpaid invoice' })
  voidInvoice(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: VoidInvoiceDto) {
    return this.invoices.void(p, id, dto);
  }

  @Roles('supplier_admin', 'supplier_staff', 'operator')
  @Get('suppliers/:id/settlement')
  @ApiOperation({ summary: 'A cooperative’s settlement ledger: earned, paid out, owed, with the entries' })
  settlementLedger(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Query() query: PageDto) {
    return this.settlement.get(p, id, query);
  }

  @Roles('operator')
  @Post('suppliers/:id/payouts')
  @ApiOperation({ summary: 'Operator: record a payout to a cooperative (idempotent by reference; never more than owed)' })
  async payout(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: PayoutDto, @Res({ passthrough: true }) res: Response) {
    const { view, replayed } = await this.settlement.payout(p, id, dto);
    res.status(replayed ? 200 : 201);
    return view;
  }

  @Roles('operator')
  @Post('admin/payment-reconciliation')
  @HttpCode(202)
  @ApiOperation({ summary: 'Operator: compare Stripe with our orders now (the worker runs it); read the report with GET' })
  reconcile(@CurrentPrincipal() p: Principal, @Body() dto: ReconciliationRequestDto) {
    return this.reconciliation.request(p, dto);
  }

  @Roles('operator')
  @Get('admin/payment-reconciliation')
  @ApiOperation({ summary: 'Operator: the latest payment reconciliation report' })
  latestReconciliation() {
    return this.reconciliation.latest();
  }

  @Roles('operator')
  @Get('admin/payment-reconciliation/:id')
  reconciliationReport(@UuidParam('id') id: string) {
    return this.reconciliation.get(id);
  }
}

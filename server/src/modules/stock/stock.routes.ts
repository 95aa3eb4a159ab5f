import {
  StockItem,
  StockItemInput,
  StockItemList,
  StockItemParams,
  StockMovementInput,
  StockMovementPage,
  StockMovementQuery,
  StockMovementResult,
  StockOnHand,
  StockOnHandQuery,
  StockReport,
  StockReportQuery,
} from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { StockService } from './stock.service.ts';
import { stockReportWorkbook } from './stock.xlsx.ts';

const tag = 'stock';

/** Commodities stock per unit: items, movements, on hand with alerts, the monthly report (JSON and XLSX). */
export function registerStockRoutes(router: Router, stock: StockService): void {
  router.session({ method: 'GET', url: '/stock/items', summary: 'The organisation’s stock items: the default list as the organisation set it, and its own', tag, response: StockItemList, handler: ({ ctx }) => stock.items(ctx) });
  router.session({
    method: 'PUT',
    url: '/stock/items/:code',
    summary: 'Define a stock item of the organisation, or change a default one (labels fr/ar/en, unit of measure, low-stock threshold); stock.manage at the root',
    tag,
    permission: 'stock.manage',
    params: StockItemParams,
    body: StockItemInput,
    response: StockItem,
    handler: ({ ctx, params, body }) => stock.defineItem(ctx, params.code, body),
  });
  router.create({
    method: 'POST',
    url: '/stock/movements',
    summary: 'Record a stock movement at a unit: receipt, transfer to another unit (two lines, one transaction), loss, adjustment, physical count (sets the balance, records the difference)',
    tag,
    permission: 'stock.manage',
    body: StockMovementInput,
    response: StockMovementResult,
    record: 'movement',
    handler: ({ ctx, body }) => stock.record(ctx, body),
  });
  router.session({ method: 'GET', url: '/stock/movements', summary: 'The stock ledger of the units one reads (distributions from the services recorded included), newest first', tag, query: StockMovementQuery, response: StockMovementPage, handler: ({ ctx, query }) => stock.movements(ctx, query) });
  router.session({
    method: 'GET',
    url: '/stock/on-hand',
    summary: 'Stock on hand per unit and item (negative shown), months of stock at the recent rate (last three whole months), stock-out alerts below the threshold, lots expiring within N days',
    tag,
    query: StockOnHandQuery,
    response: StockOnHand,
    handler: ({ ctx, query }) => stock.onHand(ctx, query),
  });
  router.session({
    method: 'GET',
    url: '/stock/report',
    background: true,
    summary: 'The monthly stock report per unit and item: opening balance, received, transfers, distributed, losses and adjustments, closing balance, months of stock',
    tag,
    query: StockReportQuery,
    response: StockReport,
    handler: ({ ctx, query }) => stock.report(ctx, query),
  });
  router.session({
    method: 'GET',
    url: '/stock/report.xlsx',
    background: true,
    summary: 'The monthly stock report as an XLSX file in the logistics form, in the caller’s language',
    tag,
    query: StockReportQuery,
    files: [{ type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', binary: true }],
    handler: async ({ ctx, query, reply, locale }) => {
      const file = await stockReportWorkbook(await stock.report(ctx, query), (await stock.items(ctx)).items, locale);
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename="${file.name}"`);
      return reply.send(file.data);
    },
  });
}

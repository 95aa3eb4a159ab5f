/** Commodities stock (issue 17): items, movements, on hand with alerts, the monthly report; the core contracts parse every answer. */
import { StockItemList, StockMovementResult, StockOnHand, StockReport, type StockMovementInput } from '@relais/core';
import { request, requestFile } from '../../api/client.ts';

export type StockOnHandData = ReturnType<typeof StockOnHand.parse>;
export type StockReportData = ReturnType<typeof StockReport.parse>;
export type StockItemData = ReturnType<typeof StockItemList.parse>['items'][number];

const scope = (orgUnitId: string) => (orgUnitId ? { orgUnitId } : {});

export const listStockItems = () => request('GET', '/stock/items', StockItemList);
export const stockOnHand = (orgUnitId: string, expiryDays: number) => request('GET', '/stock/on-hand', StockOnHand, { query: { ...scope(orgUnitId), expiryDays } });
export const stockReport = (month: string, orgUnitId: string) => request('GET', '/stock/report', StockReport, { query: { month, ...scope(orgUnitId) } });
export const stockReportFile = (month: string, orgUnitId: string) => requestFile('GET', '/stock/report.xlsx', `stock-${month}.xlsx`, { query: { month, ...scope(orgUnitId) } });
/** Idempotent on the client-generated id. */
export const recordStockMovement = (body: StockMovementInput) => request('POST', '/stock/movements', StockMovementResult, { body });

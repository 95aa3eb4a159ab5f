// Commodities stock per unit (issue 17): items, the ledger, on hand with alerts, the monthly report.
export { createStockService, itemsOf, type StockService } from './stock.service.ts';
export { registerStockRoutes } from './stock.routes.ts';
// Capture's one write of services keeps their distributions in the ledger, in its transaction.
export { followServices } from './stock.repository.ts';

import { describe, expect, it } from 'vitest';
import { StockMovementInput } from '../contracts/stock.contract.ts';
import { fieldIssuesOf } from '../validation.ts';
import { closingBalance, isBelowThreshold, monthBounds, monthsOfStock, stockTakenBy } from './stock.ts';

describe('stock rules', () => {
  it('takes per unit of quantity or per service, nothing for other services or a quantity of 0', () => {
    expect(stockTakenBy('condoms', 10)).toEqual([{ item: 'condoms', quantity: 10 }]);
    expect(stockTakenBy('syringe_kits', 3)).toEqual([{ item: 'injection_kits', quantity: 3 }]);
    expect(stockTakenBy('ost_dose', 60)).toEqual([{ item: 'methadone_mg', quantity: 60 }]);
    expect(stockTakenBy('hiv_test', null)).toEqual([{ item: 'hiv_test_kits', quantity: 1 }]);
    expect(stockTakenBy('condoms', 0)).toEqual([]);
    expect(stockTakenBy('iec_session', null)).toEqual([]);
  });

  it('months of stock at the rate of the last three months; none without distributions; 0 when nothing is left', () => {
    expect(monthsOfStock(300, 90)).toBe(10);
    expect(monthsOfStock(330, 35)).toBe(28.3);
    expect(monthsOfStock(50, 0)).toBeNull();
    expect(monthsOfStock(-4, 12)).toBe(0);
  });

  it('closes a month by the balance equation; alerts at or below the threshold, or at nothing left without one', () => {
    expect(closingBalance({ opening: 100, received: 50, transferred: -30, distributed: 40, lossesAdjustments: -5 })).toBe(75);
    expect(isBelowThreshold(10, 10)).toBe(true);
    expect(isBelowThreshold(11, 10)).toBe(false);
    expect(isBelowThreshold(0, null)).toBe(true);
    expect(isBelowThreshold(1, null)).toBe(false);
  });

  it('bounds months across years', () => {
    expect(monthBounds('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthBounds('2026-01', 2)).toEqual({ from: '2025-11-01', to: '2026-01-31' });
  });

  it('asks each kind of movement for its own fields', () => {
    const issues = (body: Record<string, unknown>) => {
      const input = { orgUnitId: '7a0d1f7e-1111-4c55-9a36-0f4b8a1e0001', item: 'condoms', date: '2025-01-02', ...body };
      const r = StockMovementInput.safeParse(input);
      return r.success ? [] : fieldIssuesOf(r.error.issues, input).map((i) => `${i.field}:${i.code}`);
    };
    expect(issues({ kind: 'receipt', quantity: 5, source: 'donor' })).toEqual([]);
    expect(issues({ kind: 'receipt', quantity: 5 })).toEqual(['source:required']);
    expect(issues({ kind: 'loss', quantity: -5, reason: 'lost' })).toEqual(['quantity:too_small']);
    expect(issues({ kind: 'adjustment', quantity: -5, reason: 'correction' })).toEqual([]);
    expect(issues({ kind: 'count', quantity: 5 })).toEqual(['counted:required', 'quantity:not_applicable']);
    expect(issues({ kind: 'transfer', quantity: 5, toOrgUnitId: '7a0d1f7e-1111-4c55-9a36-0f4b8a1e0001' })).toEqual(['toOrgUnitId:same_unit']);
    expect(issues({ kind: 'loss', quantity: 5, reason: 'lost', lot: 'X' })).toEqual(['lot:not_applicable']);
  });
});

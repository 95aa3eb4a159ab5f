import { describe, expect, it } from 'vitest';
import type { Role } from '@relais/core';
import type { Actor } from '../../context/index.ts';
import { registryPolicy } from './registry.policy.ts';

const root = '/org/';
const section = '/org/sec/';
const site = '/org/sec/site/';
const other = '/org/other/';

function actor(...assignments: Array<[Role, string]>): Actor {
  return {
    userId: 'u',
    username: 'u',
    displayName: 'U',
    locale: 'fr',
    organisationId: 'o',
    organisationCode: 'O',
    organisationName: 'Org',
    assignments: assignments.map(([role, orgUnitPath], i) => ({ id: String(i), role, orgUnitId: orgUnitPath, orgUnitPath, orgUnitCode: 'C', orgUnitName: 'N', programs: null })),
    session: { tokenHash: '', csrfToken: '', expiresAt: new Date(0) },
  };
}

describe('registry policy', () => {
  it('lets only an administrator of the root unit change the registry settings', () => {
    expect(registryPolicy.changeSettings(actor(['administrator', root]))).toBe(true);
    expect(registryPolicy.changeSettings(actor(['administrator', section]))).toBe(false);
    expect(registryPolicy.changeSettings(actor(['coordinator', root]))).toBe(false);
  });

  it('registers a person at an active unit of her subtree only', () => {
    const worker = actor(['peer_educator', section]);
    expect(registryPolicy.registerAt(worker, { path: site, active: true })).toBe(true);
    expect(registryPolicy.registerAt(worker, { path: site, active: false })).toBe(false);
    expect(registryPolicy.registerAt(worker, { path: other, active: true })).toBe(false);
    expect(registryPolicy.registerAt(actor(['viewer', root]), { path: site, active: true })).toBe(false);
  });

  it('shows contact details and notes to the roles that hold them', () => {
    expect(registryPolicy.seeContactDetails(actor(['social_worker', section]))).toBe(true);
    expect(registryPolicy.seeNotes(actor(['social_worker', section]))).toBe(true);
    expect(registryPolicy.seeContactDetails(actor(['peer_educator', section]))).toBe(false);
    expect(registryPolicy.seeNotes(actor(['administrator', root]))).toBe(false);
  });

  it('reads and merges in the subtrees of the assignments granting it', () => {
    const a = actor(['coordinator', section], ['peer_educator', other]);
    expect(registryPolicy.readableUnits(a)).toEqual([section, other]);
    expect(registryPolicy.mergeableUnits(a)).toEqual([section]);
  });
});

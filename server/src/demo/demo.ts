// `relais demo`: a synthetic organisation a newcomer can walk around in — sections and sites,
// one user of each role, persons and a year of their services — in its own data folder.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '@relais/core';
import type { Queryable } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { hashPassword } from '../lib/passwords.ts';
import { createOrganisation } from '../modules/setup/index.ts';
import { insertUserWithAssignments } from '../modules/users/index.ts';
import { createDemoCascade } from './cascade-sample.ts';
import { createDemoReferrals } from './referral-sample.ts';
import { generateSyntheticData } from './synthetic.ts';

/** The file that marks a folder as a demo's (so `relais demo` may empty it, and never anything else). */
export const demoMarker = '.relais-demo';

export class DemoDirError extends Error {
  override name = 'DemoDirError';
}

/** Empties a previous demo's folder, or creates it; refuses a folder that is not a demo's (real data may be there). */
export function prepareDemoDir(dir: string): void {
  if (fs.existsSync(dir)) {
    const isEmpty = fs.readdirSync(dir).length === 0;
    if (!isEmpty && !fs.existsSync(path.join(dir, demoMarker))) {
      throw new DemoDirError(`${dir} exists and is not a demo folder: choose another with RELAIS_DEMO_DIR (relais demo never touches real data)`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, demoMarker), 'Synthetic demo data, created by `relais demo`; emptied by the next one.\n');
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unit: string;
  password: string;
}

export interface DemoOptions {
  persons: number;
  /** Services per person over the year, on average. */
  servicesPerPerson: number;
  /** The last day of the year of services (YYYY-MM-DD); today by default. */
  today?: string;
}

const sections = [
  { code: 'CASA', name: 'Section Casablanca', sites: ['Derb Sultan', 'Aïn Sebaâ', 'Corniche'] },
  { code: 'RABAT', name: 'Section Rabat', sites: ['Médina', 'Takaddoum'] },
  { code: 'AGADIR', name: 'Section Agadir', sites: ['Port', 'Anza'] },
  { code: 'MARRAKECH', name: 'Section Marrakech', sites: ['Jemaa el-Fna', 'Sidi Youssef'] },
];

/** A password that is printed once: four random groups, easy to type. */
function demoPassword(): string {
  return `acces-${crypto.randomBytes(6).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
}

/**
 * Creates the demo organisation (code DEMO): four sections with their sites, an administrator
 * and one user of each other role (peer educators, one per section), `persons` synthetic persons
 * and a year of their services, an awareness cascade; and a partner organisation (RESEAU) with
 * referrals both ways. Returns the users with their passwords, to print.
 */
export async function createDemoOrganisation(db: Queryable, options: DemoOptions): Promise<{ users: DemoUser[]; partner: { code: string; user: DemoUser }; persons: number; services: number; seconds: number }> {
  const started = performance.now();
  const admin: DemoUser = { username: 'admin', displayName: 'Amina Administratrice', role: 'administrator', unit: 'DEMO', password: demoPassword() };
  const org = await db.transaction().execute((trx) =>
    createOrganisation(trx, { organisation: { code: 'DEMO', name: 'Association Relais Démo' }, admin: { username: admin.username, displayName: admin.displayName, password: admin.password }, locale: 'fr' }),
  );
  const o = org.organisationId;
  const rootPath = `/${org.rootUnitId}/`;
  const units = new Map<string, { id: string; path: string }>([['DEMO', { id: org.rootUnitId, path: rootPath }]]);
  await db.transaction().execute(async (trx) => {
    for (const section of sections) {
      const id = newId();
      const sectionPath = `${rootPath}${id}/`;
      await trx.insertInto('org_unit').values({ organisation_id: o, id, code: section.code, name: section.name, level: 'section', parent_id: org.rootUnitId, path: sectionPath }).execute();
      units.set(section.code, { id, path: sectionPath });
      for (const [n, site] of section.sites.entries()) {
        const siteId = newId();
        await trx.insertInto('org_unit').values({ organisation_id: o, id: siteId, code: `${section.code}-${n + 1}`, name: site, level: 'site', parent_id: id, path: `${sectionPath}${siteId}/` }).execute();
      }
    }
  });

  const people: DemoUser[] = [
    { username: 'coordination', displayName: 'Karim Coordinateur', role: 'coordinator', unit: 'DEMO', password: demoPassword() },
    ...sections.map((s, n) => ({ username: `ep.${s.code.toLowerCase()}`, displayName: `${['Fatima Zahra', 'Samir', 'Nadia', 'Youssef'][n]!} (${s.name})`, role: 'peer_educator' as const, unit: s.code, password: demoPassword() })),
    { username: 'as.casa', displayName: 'Salma Assistante sociale', role: 'social_worker', unit: 'CASA', password: demoPassword() },
    { username: 'medecin.casa', displayName: 'Dr Hicham Médecin', role: 'clinician', unit: 'CASA', password: demoPassword() },
    { username: 'suivi', displayName: 'Leïla Suivi-évaluation', role: 'me_officer', unit: 'DEMO', password: demoPassword() },
    { username: 'partenaire', displayName: 'Centre de santé partenaire', role: 'partner', unit: 'RABAT', password: demoPassword() },
    { username: 'bailleur', displayName: 'Bailleur (lecture)', role: 'viewer', unit: 'DEMO', password: demoPassword() },
  ];
  const workerIds: string[] = [];
  for (const user of people) {
    const unit = units.get(user.unit)!;
    const hash = await hashPassword(user.password);
    const id = await db.transaction().execute((trx) =>
      insertUserWithAssignments(trx, { organisationId: o, actorId: org.adminId }, { username: user.username, displayName: user.displayName, password: user.password, locale: 'fr', assignments: [{ role: user.role, orgUnitId: unit.id, programs: null }] }, hash, unit),
    );
    if (user.role === 'peer_educator') workerIds.push(id);
  }

  const lastDay = new Date(`${options.today ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const firstDay = new Date(lastDay.getTime() - 364 * 86_400_000).toISOString().slice(0, 10);
  const services = Math.round(options.persons * options.servicesPerPerson);
  await generateSyntheticData(
    db,
    { organisationId: o, sectionIds: sections.map((s) => units.get(s.code)!.id), workerIds },
    { persons: options.persons, services, sections: sections.length, firstDay, days: 365, codes: 'scheme' },
  );
  await createDemoCascade(db, { organisationId: o, unitId: units.get('RABAT')!.id, createdBy: org.adminId, lastDay: lastDay.toISOString().slice(0, 10) });
  const { reseauAdmin } = await createDemoReferrals(db, { organisationId: o, unitId: units.get('CASA')!.id, createdBy: org.adminId, lastDay: lastDay.toISOString().slice(0, 10), reseauPassword: demoPassword() });
  const partner = { code: 'RESEAU', user: { ...reseauAdmin, role: 'administrator' as const, unit: 'RESEAU' } };
  return { users: [admin, ...people], partner, persons: options.persons, services, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

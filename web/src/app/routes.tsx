import type { ReactNode } from 'react';
import type { Permission } from '@relais/core';
import { Alert, Page } from '../ui/index.ts';
import { useT } from '../i18n/i18n.tsx';
import { AccountPage } from '../features/auth/account-page.tsx';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { GroupSessionPage } from '../features/capture/group-session-page.tsx';
import { RecordContactPage } from '../features/capture/record-contact-page.tsx';
import { VerificationPage } from '../features/capture/verification-page.tsx';
import { CasePage } from '../features/cases/case-page.tsx';
import { CasesPage } from '../features/cases/cases-page.tsx';
import { OpenCasePage } from '../features/cases/open-case-page.tsx';
import { DirectoryPage } from '../features/directory/directory-page.tsx';
import { NewServicePage } from '../features/directory/new-service-page.tsx';
import { PrintPage } from '../features/directory/print-page.tsx';
import { ServicePage } from '../features/directory/service-page.tsx';
import { ToVerifyPage } from '../features/directory/to-verify-page.tsx';
import { CircuitsPage } from '../features/circuits/circuits-page.tsx';
import { CircuitPage } from '../features/circuits/circuit-page.tsx';
import { PosterPage } from '../features/circuits/poster-page.tsx';
import { NewCircuitPage, ReviseCircuitPage } from '../features/circuits/circuit-form-page.tsx';
import { TrainingsPage } from '../features/cascades/trainings-page.tsx';
import { TrainingFormPage } from '../features/cascades/training-form-page.tsx';
import { TrainingPage } from '../features/cascades/training-page.tsx';
import { DisclosuresPage } from '../features/cascades/disclosures-page.tsx';
import { DisclosureFormPage } from '../features/cascades/disclosure-form-page.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { CollectStoryPage } from '../features/stories/collect-story-page.tsx';
import { RoundPage } from '../features/stories/round-page.tsx';
import { RoundsPage } from '../features/stories/rounds-page.tsx';
import { StoriesPage } from '../features/stories/stories-page.tsx';
import { StoryPage } from '../features/stories/story-page.tsx';
import { ImportsPage } from '../features/imports/imports-page.tsx';
import { OrgUnitsPage } from '../features/org-units/org-units-page.tsx';
import { ProgramsPage } from '../features/programs/programs-page.tsx';
import { PerformancePage } from '../features/reports/performance-page.tsx';
import { PivotPage } from '../features/reports/pivot-page.tsx';
import { SemesterPage } from '../features/reports/semester-page.tsx';
import { IndicatorsPage } from '../features/reports/indicators-page.tsx';
import { BeneficiariesPage } from '../features/registry/beneficiaries-page.tsx';
import { BeneficiaryPage } from '../features/registry/beneficiary-page.tsx';
import { DuplicatesPage } from '../features/registry/duplicates-page.tsx';
import { RegisterPage } from '../features/registry/register-page.tsx';
import { RegistrySettingsPage } from '../features/registry/registry-settings-page.tsx';
import { UserCreatePage } from '../features/users/user-create-page.tsx';
import { UserEditPage } from '../features/users/user-edit-page.tsx';
import { UsersPage } from '../features/users/users-page.tsx';
import { Link, matchPath, usePath } from './router.tsx';
import { useSession } from './session.tsx';

interface Route {
  pattern: string;
  permission?: Permission;
  render: (params: Record<string, string>) => ReactNode;
}

const routes: readonly Route[] = [
  { pattern: '/', render: () => <HomePage /> },
  { pattern: '/account', render: () => <AccountPage /> },
  { pattern: '/users', permission: 'user.manage', render: () => <UsersPage /> },
  { pattern: '/users/new', permission: 'user.manage', render: () => <UserCreatePage /> },
  { pattern: '/users/:id', permission: 'user.manage', render: (p) => <UserEditPage key={p.id} userId={p.id ?? ''} /> },
  { pattern: '/org-units', permission: 'org_unit.manage', render: () => <OrgUnitsPage /> },
  { pattern: '/programs', permission: 'program.manage', render: () => <ProgramsPage /> },
  { pattern: '/audit', permission: 'audit.read', render: () => <AuditPage /> },
  { pattern: '/beneficiaries', permission: 'person.read', render: () => <BeneficiariesPage /> },
  { pattern: '/beneficiaries/new', permission: 'person.write', render: () => <RegisterPage /> },
  { pattern: '/beneficiaries/:id', permission: 'person.read', render: (p) => <BeneficiaryPage key={p.id} beneficiaryId={p.id ?? ''} /> },
  // The API answers only the cases she may read (her team's, or case.read on their unit): a team
  // member without case.read still reaches her cases.
  { pattern: '/cases', render: () => <CasesPage /> },
  { pattern: '/cases/new', permission: 'case.write', render: () => <OpenCasePage key={window.location.search} /> },
  { pattern: '/cases/:id', render: (p) => <CasePage key={p.id} caseId={p.id ?? ''} /> },
  // Stories: the API answers what she may read (the collector, or case.read on the unit for the program).
  { pattern: '/stories', render: () => <StoriesPage /> },
  { pattern: '/stories/new', permission: 'case.write', render: () => <CollectStoryPage key={window.location.search} /> },
  { pattern: '/stories/:id', render: (p) => <StoryPage key={p.id} storyId={p.id ?? ''} /> },
  { pattern: '/change-rounds', permission: 'case.read', render: () => <RoundsPage /> },
  { pattern: '/change-rounds/:id', permission: 'case.read', render: (p) => <RoundPage key={p.id} roundId={p.id ?? ''} /> },
  { pattern: '/duplicates', permission: 'person.merge', render: () => <DuplicatesPage /> },
  { pattern: '/contacts/new', permission: 'service.write', render: () => <RecordContactPage key={window.location.search} /> },
  { pattern: '/group-sessions/new', permission: 'service.write', render: () => <GroupSessionPage key={window.location.search} /> },
  // Awareness cascades: trainings are read where one records (attendance names people; the API answers);
  // disclosures by who follows cases there and by who recorded them (the worklist shows to who records: the API answers what she may read).
  { pattern: '/trainings', permission: 'service.write', render: () => <TrainingsPage /> },
  { pattern: '/trainings/new', permission: 'service.write', render: () => <TrainingFormPage /> },
  { pattern: '/trainings/:id', permission: 'service.write', render: (p) => <TrainingPage key={p.id} trainingId={p.id ?? ''} /> },
  { pattern: '/disclosures', render: () => <DisclosuresPage /> },
  { pattern: '/disclosures/new', permission: 'service.write', render: () => <DisclosureFormPage key={window.location.search} /> },
  { pattern: '/verification', permission: 'data.verify', render: () => <VerificationPage /> },
  { pattern: '/imports', permission: 'import.run', render: () => <ImportsPage /> },
  { pattern: '/reports/performance', permission: 'report.read', render: () => <PerformancePage /> },
  { pattern: '/reports/pivot', permission: 'report.read', render: () => <PivotPage /> },
  { pattern: '/reports/semester', permission: 'report.read', render: () => <SemesterPage /> },
  { pattern: '/registry-settings', permission: 'settings.manage', render: () => <RegistrySettingsPage /> },
  { pattern: '/indicators', permission: 'settings.manage', render: () => <IndicatorsPage /> },
  // The directory: everyone signed in reads it; the API says which entries she may change.
  { pattern: '/directory', render: () => <DirectoryPage /> },
  { pattern: '/directory/new', permission: 'directory.write', render: () => <NewServicePage /> },
  { pattern: '/directory/to-verify', permission: 'directory.write', render: () => <ToVerifyPage /> },
  { pattern: '/directory/print', render: () => <PrintPage key={window.location.search} /> },
  { pattern: '/directory/services/:id', render: (p) => <ServicePage key={p.id} serviceId={p.id ?? ''} /> },
  // Care circuits: everyone signed in reads them; network coordinators draw them (`editable`).
  { pattern: '/circuits', render: () => <CircuitsPage /> },
  { pattern: '/circuits/new', permission: 'directory.manage', render: () => <NewCircuitPage /> },
  { pattern: '/circuits/:id', render: (p) => <CircuitPage key={p.id} circuitId={p.id ?? ''} /> },
  { pattern: '/circuits/:id/revise', permission: 'directory.manage', render: (p) => <ReviseCircuitPage key={p.id} circuitId={p.id ?? ''} /> },
  { pattern: '/circuits/:id/poster', render: (p) => <PosterPage key={p.id} circuitId={p.id ?? ''} /> },
];

/** Renders the screen of the current path, or a "not found" / "forbidden" page. */
export function AppRoutes() {
  const path = usePath();
  const t = useT();
  const { me } = useSession();
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    if (route.permission && !me.permissions.includes(route.permission)) {
      return <Problem title={t('error.forbidden')} />;
    }
    return <>{route.render(params)}</>;
  }
  return <Problem title={t('app.notFound')} />;
}

function Problem({ title }: { title: string }) {
  const t = useT();
  return (
    <Page title={title}>
      <Alert tone="warning">
        <Link to="/">{t('app.backHome')}</Link>
      </Alert>
    </Page>
  );
}

import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { Permission } from '@relais/core';
import { Alert, Loading, Page } from '../ui/index.ts';
import { useT } from '../i18n/i18n.tsx';
import { AccountPage } from '../features/auth/account-page.tsx';
import { GroupSessionPage } from '../features/capture/group-session-page.tsx';
import { ContactEntryPage, QuickContactPage } from '../features/capture/quick-contact-page.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { OutboxPage } from '../features/offline/outbox-page.tsx';
import { BeneficiariesPage } from '../features/registry/beneficiaries-page.tsx';
import { BeneficiaryPage } from '../features/registry/beneficiary-page.tsx';
import { RegisterPage } from '../features/registry/register-page.tsx';
import { Link, matchPath, usePath } from './router.tsx';
import { useSession } from './session.tsx';

/**
 * A screen loaded on first visit (its own chunk): the field screens above are in the entry, so
 * they open offline and on a slow network at once; the others (reports, administration, cases,
 * directory, cascades…) are fetched when opened and cached by the service worker (ADR 0025).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: each screen says its own
function screen<P extends Record<string, any>>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

const AuditPage = screen(() => import('../features/audit/audit-page.tsx').then((m) => m.AuditPage));
const VerificationPage = screen(() => import('../features/capture/verification-page.tsx').then((m) => m.VerificationPage));
const CasePage = screen(() => import('../features/cases/case-page.tsx').then((m) => m.CasePage));
const CasesPage = screen(() => import('../features/cases/cases-page.tsx').then((m) => m.CasesPage));
const OpenCasePage = screen(() => import('../features/cases/open-case-page.tsx').then((m) => m.OpenCasePage));
const DirectoryPage = screen(() => import('../features/directory/directory-page.tsx').then((m) => m.DirectoryPage));
const NewServicePage = screen(() => import('../features/directory/new-service-page.tsx').then((m) => m.NewServicePage));
const PrintPage = screen(() => import('../features/directory/print-page.tsx').then((m) => m.PrintPage));
const ServicePage = screen(() => import('../features/directory/service-page.tsx').then((m) => m.ServicePage));
const ToVerifyPage = screen(() => import('../features/directory/to-verify-page.tsx').then((m) => m.ToVerifyPage));
const CircuitsPage = screen(() => import('../features/circuits/circuits-page.tsx').then((m) => m.CircuitsPage));
const CircuitPage = screen(() => import('../features/circuits/circuit-page.tsx').then((m) => m.CircuitPage));
const PosterPage = screen(() => import('../features/circuits/poster-page.tsx').then((m) => m.PosterPage));
const NewCircuitPage = screen(() => import('../features/circuits/circuit-form-page.tsx').then((m) => m.NewCircuitPage));
const ReviseCircuitPage = screen(() => import('../features/circuits/circuit-form-page.tsx').then((m) => m.ReviseCircuitPage));
const TrainingsPage = screen(() => import('../features/cascades/trainings-page.tsx').then((m) => m.TrainingsPage));
const TrainingFormPage = screen(() => import('../features/cascades/training-form-page.tsx').then((m) => m.TrainingFormPage));
const TrainingPage = screen(() => import('../features/cascades/training-page.tsx').then((m) => m.TrainingPage));
const DisclosuresPage = screen(() => import('../features/cascades/disclosures-page.tsx').then((m) => m.DisclosuresPage));
const StockPage = screen(() => import('../features/stock/stock-page.tsx').then((m) => m.StockPage));
const AnonymousTallyPage = screen(() => import('../features/harm-reduction/anonymous-tally-page.tsx').then((m) => m.AnonymousTallyPage));
const OstDayPage = screen(() => import('../features/harm-reduction/ost-day-page.tsx').then((m) => m.OstDayPage));
const DisclosureFormPage = screen(() => import('../features/cascades/disclosure-form-page.tsx').then((m) => m.DisclosureFormPage));
const CollectStoryPage = screen(() => import('../features/stories/collect-story-page.tsx').then((m) => m.CollectStoryPage));
const RoundPage = screen(() => import('../features/stories/round-page.tsx').then((m) => m.RoundPage));
const RoundsPage = screen(() => import('../features/stories/rounds-page.tsx').then((m) => m.RoundsPage));
const StoriesPage = screen(() => import('../features/stories/stories-page.tsx').then((m) => m.StoriesPage));
const StoryPage = screen(() => import('../features/stories/story-page.tsx').then((m) => m.StoryPage));
const ImportsPage = screen(() => import('../features/imports/imports-page.tsx').then((m) => m.ImportsPage));
const OrgUnitsPage = screen(() => import('../features/org-units/org-units-page.tsx').then((m) => m.OrgUnitsPage));
const ProgramsPage = screen(() => import('../features/programs/programs-page.tsx').then((m) => m.ProgramsPage));
const PerformancePage = screen(() => import('../features/reports/performance-page.tsx').then((m) => m.PerformancePage));
const PivotPage = screen(() => import('../features/reports/pivot-page.tsx').then((m) => m.PivotPage));
const SemesterPage = screen(() => import('../features/reports/semester-page.tsx').then((m) => m.SemesterPage));
const IndicatorsPage = screen(() => import('../features/reports/indicators-page.tsx').then((m) => m.IndicatorsPage));
const ReferralsPage = screen(() => import('../features/referrals/referrals-page.tsx').then((m) => m.ReferralsPage));
const ReferralFormPage = screen(() => import('../features/referrals/referral-form-page.tsx').then((m) => m.ReferralFormPage));
const ReferralPage = screen(() => import('../features/referrals/referral-page.tsx').then((m) => m.ReferralPage));
const ReferralSlipPage = screen(() => import('../features/referrals/referral-slip-page.tsx').then((m) => m.ReferralSlipPage));
const SubjectAccessPage = screen(() => import('../features/privacy/subject-access-page.tsx').then((m) => m.SubjectAccessPage));
const PrivacyPage = screen(() => import('../features/privacy/privacy-page.tsx').then((m) => m.PrivacyPage));
const ProcessingRegisterPage = screen(() => import('../features/privacy/register-page.tsx').then((m) => m.ProcessingRegisterPage));
const PersonCardPage = screen(() => import('../features/registry/person-card-page.tsx').then((m) => m.PersonCardPage));
const DuplicatesPage = screen(() => import('../features/registry/duplicates-page.tsx').then((m) => m.DuplicatesPage));
const RegistrySettingsPage = screen(() => import('../features/registry/registry-settings-page.tsx').then((m) => m.RegistrySettingsPage));
const UserCreatePage = screen(() => import('../features/users/user-create-page.tsx').then((m) => m.UserCreatePage));
const UserEditPage = screen(() => import('../features/users/user-edit-page.tsx').then((m) => m.UserEditPage));
const UsersPage = screen(() => import('../features/users/users-page.tsx').then((m) => m.UsersPage));

interface Route {
  pattern: string;
  permission?: Permission;
  render: (params: Record<string, string>) => ReactNode;
}

const routes: readonly Route[] = [
  { pattern: '/', render: () => <HomePage /> },
  { pattern: '/account', render: () => <AccountPage /> },
  { pattern: '/outbox', render: () => <OutboxPage /> },
  { pattern: '/users', permission: 'user.manage', render: () => <UsersPage /> },
  { pattern: '/users/new', permission: 'user.manage', render: () => <UserCreatePage /> },
  { pattern: '/users/:id', permission: 'user.manage', render: (p) => <UserEditPage key={p.id} userId={p.id ?? ''} /> },
  { pattern: '/org-units', permission: 'org_unit.manage', render: () => <OrgUnitsPage /> },
  { pattern: '/programs', permission: 'program.manage', render: () => <ProgramsPage /> },
  { pattern: '/audit', permission: 'audit.read', render: () => <AuditPage /> },
  { pattern: '/beneficiaries', permission: 'person.read', render: () => <BeneficiariesPage /> },
  { pattern: '/beneficiaries/new', permission: 'person.write', render: () => <RegisterPage /> },
  { pattern: '/beneficiaries/:id', permission: 'person.read', render: (p) => <BeneficiaryPage key={p.id} beneficiaryId={p.id ?? ''} /> },
  { pattern: '/beneficiaries/:id/card', permission: 'person.read', render: (p) => <PersonCardPage key={p.id} beneficiaryId={p.id ?? ''} /> },
  { pattern: '/beneficiaries/:id/subject-access', permission: 'person.rights', render: (p) => <SubjectAccessPage key={p.id} beneficiaryId={p.id ?? ''} /> },
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
  // In low-literacy mode (per user, on the device) "record a contact" opens the pictograms first.
  { pattern: '/contacts/new', permission: 'service.write', render: () => <ContactEntryPage key={window.location.search} /> },
  { pattern: '/contacts/quick', permission: 'service.write', render: () => <QuickContactPage /> },
  { pattern: '/group-sessions/new', permission: 'service.write', render: () => <GroupSessionPage key={window.location.search} /> },
  // Awareness cascades: trainings are read where one records (attendance names people; the API answers);
  // disclosures by who follows cases there and by who recorded them (the worklist shows to who records: the API answers what she may read).
  { pattern: '/trainings', permission: 'service.write', render: () => <TrainingsPage /> },
  { pattern: '/trainings/new', permission: 'service.write', render: () => <TrainingFormPage /> },
  { pattern: '/trainings/:id', permission: 'service.write', render: (p) => <TrainingPage key={p.id} trainingId={p.id ?? ''} /> },
  { pattern: '/disclosures', render: () => <DisclosuresPage /> },
  { pattern: '/disclosures/new', permission: 'service.write', render: () => <DisclosureFormPage key={window.location.search} /> },
  // Referrals: the API answers what she may read (the sender's organisation, or the receiver's inbox).
  { pattern: '/referrals', render: () => <ReferralsPage /> },
  { pattern: '/referrals/new', permission: 'referral.send', render: () => <ReferralFormPage key={window.location.search} /> },
  { pattern: '/referrals/:id', render: (p) => <ReferralPage key={p.id} referralId={p.id ?? ''} /> },
  { pattern: '/referrals/:id/slip', render: (p) => <ReferralSlipPage key={p.id} referralId={p.id ?? ''} /> },
  // Stock: read where one records services (the API also answers report readers), moved with stock.manage.
  { pattern: '/stock', permission: 'service.write', render: () => <StockPage /> },
  // Harm reduction (ADR 0029): the anonymous tally of a site, the nurse's daily methadone dispensing.
  { pattern: '/anonymous-services', permission: 'service.write', render: () => <AnonymousTallyPage /> },
  { pattern: '/ost/day', permission: 'service.write', render: () => <OstDayPage /> },
  { pattern: '/verification', permission: 'data.verify', render: () => <VerificationPage /> },
  { pattern: '/imports', permission: 'import.run', render: () => <ImportsPage /> },
  { pattern: '/reports/performance', permission: 'report.read', render: () => <PerformancePage /> },
  { pattern: '/reports/pivot', permission: 'report.read', render: () => <PivotPage /> },
  { pattern: '/reports/semester', permission: 'report.read', render: () => <SemesterPage /> },
  { pattern: '/registry-settings', permission: 'settings.manage', render: () => <RegistrySettingsPage /> },
  { pattern: '/privacy', permission: 'settings.manage', render: () => <PrivacyPage /> },
  { pattern: '/privacy/register', permission: 'settings.manage', render: () => <ProcessingRegisterPage key={window.location.search} /> },
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
    return (
      <ScreenBoundary key={path} failed={<Problem title={t('app.screenUnavailable')} />}>
        <Suspense fallback={<Loading label={t('app.loading')} />}>{route.render(params)}</Suspense>
      </ScreenBoundary>
    );
  }
  return <Problem title={t('app.notFound')} />;
}

/** A screen whose code could not load (offline before its first visit): said, not a blank page. */
class ScreenBoundary extends Component<{ failed: ReactNode; children: ReactNode }, { hasFailed: boolean }> {
  override state = { hasFailed: false };
  static getDerivedStateFromError(): { hasFailed: boolean } {
    return { hasFailed: true };
  }
  override render(): ReactNode {
    return this.state.hasFailed ? this.props.failed : this.props.children;
  }
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

import { z } from 'zod';
import { Id, Locale, Name, OrganisationCode, Password, Username, text } from './common.ts';
import { permissions, roles } from '../domain/roles.ts';

export const SetupStatus = z.object({ needsSetup: z.boolean() });

/** After setup, the administrator's first steps; each is true once the organisation's data shows it done. */
export const SetupChecklist = z.object({
  /** Units exist beyond the root (sections, sites). */
  orgUnits: z.boolean(),
  /** The programs were reviewed: one was enabled or disabled on the programs screen. */
  programs: z.boolean(),
  /** Someone besides the first administrator has an account. */
  users: z.boolean(),
  /** A file was imported (not only checked). */
  imports: z.boolean(),
});
export type SetupChecklist = z.infer<typeof SetupChecklist>;

/** First run: creates the organisation, its root org unit and the first administrator. */
export const SetupRequest = z.object({
  organisation: z.object({ code: OrganisationCode, name: Name }),
  admin: z.object({ username: Username, displayName: Name, password: Password }),
  locale: Locale.default('fr'),
});
export type SetupRequest = z.infer<typeof SetupRequest>;

export const LoginRequest = z.object({
  organisation: OrganisationCode,
  username: Username,
  password: text().min(1).max(200),
  /** The 6-digit code of her authenticator application, when she has a second factor. */
  totp: text().regex(/^\d{6}$/, { message: 'format:totp' }).optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Assignment = z.object({
  id: Id,
  role: z.enum(roles),
  orgUnit: z.object({ id: Id, code: text(), name: text() }),
  /** Program codes, or null for all programs. */
  programs: z.array(text()).nullable(),
});
export type Assignment = z.infer<typeof Assignment>;

/** Who is logged in, what they may do, and the CSRF token to send back on writes. */
export const Me = z.object({
  user: z.object({
    id: Id,
    username: text(),
    displayName: text(),
    locale: Locale,
    /** Her low-literacy mode (ADR 0042): pictograms first on the field screens. A `Me` remembered before it existed reads as off. */
    lowLiteracy: z.boolean().default(false),
  }),
  organisation: z.object({ id: Id, code: text(), name: text() }),
  assignments: z.array(Assignment),
  permissions: z.array(z.enum(permissions)),
  csrfToken: text(),
  sessionExpiresAt: text(),
  /** Her second factor: on or not, and whether her organisation requires one of her (then the session may only set it up). */
  secondFactor: z.object({ enabled: z.boolean(), required: z.boolean() }),
});
export type Me = z.infer<typeof Me>;

/** A second factor being set up: the secret (base32, grouped by four for typing) and the link authenticator applications read. */
export const TotpSetup = z.object({ secret: text(), otpauthUri: text() });
export type TotpSetup = z.infer<typeof TotpSetup>;
export const TotpConfirm = z.object({ code: text().regex(/^\d{6}$/, { message: 'format:totp' }) });
export const TotpDisable = z.object({ password: text().min(1).max(200) });
/** The organisation's login rules: whether administrators must use a second factor. */
export const AuthSettings = z.object({ secondFactorRequiredForAdministrators: z.boolean() });
export type AuthSettings = z.infer<typeof AuthSettings>;

export const PasswordChange = z.object({ currentPassword: text().min(1).max(200), newPassword: Password });
export type PasswordChange = z.infer<typeof PasswordChange>;

export const LocaleUpdate = z.object({ locale: Locale });

/** Her own preferences (ADR 0042): the low-literacy mode. */
export const PreferencesUpdate = z.object({ lowLiteracy: z.boolean() });
export type PreferencesUpdate = z.infer<typeof PreferencesUpdate>;

/** An account locked now after failed logins: from one address (`pair`), one known device (`device`), or from every unknown device (`account`). */
export const LoginLockout = z.object({
  scope: z.enum(['pair', 'device', 'account']),
  username: text(),
  /** The address of a `pair` lock; null otherwise. */
  address: text().nullable(),
  failures: z.number().int(),
  lockedUntil: text(),
});
export type LoginLockout = z.infer<typeof LoginLockout>;

export const LoginLockouts = z.object({ items: z.array(LoginLockout) });
export type LoginLockouts = z.infer<typeof LoginLockouts>;

import { AuthSettings, LoginLockouts, Ok, TotpSetup } from '@relais/core';
import { request } from '../../api/client.ts';

// The second factor (ADR 0031) and the login rules: the calls of the account and users screens.
export const beginSecondFactor = () => request('POST', '/auth/second-factor', TotpSetup, { body: {} });
export const confirmSecondFactor = (code: string) => request('POST', '/auth/second-factor/confirm', Ok, { body: { code } });
export const disableSecondFactor = (password: string) => request('POST', '/auth/second-factor/disable', Ok, { body: { password } });
export const getAuthSettings = () => request('GET', '/auth/settings', AuthSettings);
export const putAuthSettings = (body: AuthSettings) => request('PUT', '/auth/settings', AuthSettings, { body });
export const listLockouts = () => request('GET', '/auth/lockouts', LoginLockouts);

// The settings module's public face: every module's settings, read with defaults and stored.
export {
  loadRegistrySettings,
  storeRegistrySettings,
  loadProgramServices,
  storeProgramServices,
  loadDhis2Mapping,
  storeDhis2Mapping,
  loadCaseSettings,
  storeCaseSettings,
  defaultCaseSettings,
  loadStorySettings,
  storeStorySettings,
  loadReferralSettings,
  storeReferralSettings,
  loadAuthSettings,
  storeAuthSettings,
  loadRetentionSettings,
  storeRetentionSettings,
} from './settings.service.ts';
export { settingsPolicy } from './settings.policy.ts';

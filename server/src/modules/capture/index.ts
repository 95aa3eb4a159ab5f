// The capture module's public face.
export { createCaptureService, removeService, type CaptureService } from './capture.service.ts';
// The OST dispensing records its doses as contacts do (one write path), and undoes them as a deletion does.
export { recordContacts } from './contacts.service.ts';
export { createCatalogueService, type CatalogueService, type ProgramServicesListener } from './catalogue.service.ts';
export { createSyncService, type SyncService } from './sync.service.ts';
export { createVerificationService, type VerificationService } from './verification.service.ts';
export { registerCaptureRoutes } from './capture.routes.ts';
// The services import writes services the way capture does (one write path), numbering tests as capture does.
export { writeServices, type NewService } from './service-writes.ts';
export { takenRegisterNos } from './register-numbers.service.ts';
export { registerKey, selectActiveUsernames, selectEnabledPrograms, selectExistingServices, caseMismatch, selectCaseKeys } from './capture.repository.ts';
// Cases check their team and program as capture checks a worker and a program.
export { isWorkerAround, isProgramEnabled } from './capture.repository.ts';
export { personFor, checkPlace, unitAndPerson } from './capture-checks.ts';
// Voice notes of contacts (ADR 0035).
export { createVoiceNotesService, type VoiceNotesService } from './voice-notes.service.ts';
export { registerVoiceNoteRoutes } from './voice-notes.routes.ts';

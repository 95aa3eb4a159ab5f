// The registry module's public face.
export { createRegistryService, presentBeneficiary, matchCode, type RegistryService, type Candidate, type CodeMatches } from './registry.service.ts';
export { createDuplicatesService, type DuplicatesService } from './duplicates.service.ts';
export { createSavedListsService, type SavedListsService } from './saved-lists.service.ts';
export { registerMany, type NewBeneficiaryRow, type RegisterManyOptions, type RegisterManyPhase, type CandidateLookup } from './register-many.service.ts';
export { registerRegistryRoutes } from './registry.routes.ts';
// What capture and sync need of a person, inside their own transaction: find her, check she is
// visible in the actor's units, make her known in a unit she was served in.
export { addUnit, findById as findBeneficiary, knownUnder, visibleIds, type BeneficiaryRow } from './registry.repository.ts';
// Where persons are known and last seen, from their services (capture and imports write services).
export { recordVisits, summariseVisits, type Visit } from './served.service.ts';
export { selectIdsByCodes, selectMergedInto } from './served.repository.ts';

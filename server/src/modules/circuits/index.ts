// The care circuits module's public face (issue 14): per territory and case type, versioned, drawn from the directory.
export { createCircuitsService, type CircuitsUseCases } from './circuits.service.ts';
export { registerCircuitRoutes } from './circuits.routes.ts';
export { circuitsPolicy } from './circuits.policy.ts';
export { createCaseCircuitService, type CaseCircuitUseCases } from './case-circuit.service.ts';

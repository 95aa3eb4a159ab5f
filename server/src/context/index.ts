/**
 * The request context, server-wide: who acts (`Actor`), the `RequestContext` every service
 * takes, and the scope checks on it. No HTTP here: the edge (http/, routes, the command line)
 * builds a context and services read it.
 */
export * from './actor.ts';
export * from './system.ts';
export * from './org-config.ts';

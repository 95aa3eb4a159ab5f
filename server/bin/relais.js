#!/usr/bin/env node
// The `relais` command. TypeScript sources run through tsx's loader (ADR 0001): no build step for the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');

import { pgliteTemplate } from './pglite-template.js';

/**
 * Node project: builds the migrated PGlite template once, before any test file starts, so no
 * file's setup hook pays for initdb and the migrations (see docs/ARCHITECTURE.md, Testing).
 */
export default async function setup(): Promise<void> {
  await pgliteTemplate();
}

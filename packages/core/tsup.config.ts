import { defineConfig } from "tsup"
import { libraryConfig } from "../../scripts/tsup.shared.ts"

// Entries come from package.json "exports": src/index.ts, src/testing/index.ts and
// src/examples/index.ts build to dist/index.js, dist/testing/index.js and
// dist/examples/index.js, each with its .d.ts alongside.
export default defineConfig(libraryConfig())

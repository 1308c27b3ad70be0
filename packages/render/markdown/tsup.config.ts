import { defineConfig } from "tsup"
import { libraryConfig } from "../../../scripts/tsup.shared.ts"

// The entry comes from package.json "exports": src/index.ts builds to dist/index.js with its .d.ts.
export default defineConfig(libraryConfig())

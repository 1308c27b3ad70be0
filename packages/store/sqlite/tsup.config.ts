import { defineConfig } from "tsup"
import { libraryConfig } from "../../../scripts/tsup.shared.ts"

// Entries come from package.json "exports"; `removeNodeProtocol: false` (set in the shared
// config) keeps `node:sqlite` intact.
export default defineConfig(libraryConfig())

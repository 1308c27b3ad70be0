import { defineConfig } from "vitest/config"
import root from "../vitest.config.ts"

/**
 * The bench's own tests (statistics, selection, latest.json merge): the root config with
 * `bench/test` as the only include. Run with `./dev test --config bench/vitest.config.ts`.
 */
export default defineConfig({ ...root, test: { ...root.test, include: ["bench/test/**/*.test.ts"] } })

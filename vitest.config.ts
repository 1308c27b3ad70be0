import { defaultClientConditions, defaultServerConditions } from "vite"
import { defineConfig } from "vitest/config"

/**
 * One vitest run over every workspace package.
 *
 * Packages import each other through the `@localrights/source` export condition, which
 * points at `src/*.ts`, so tests never need a build. Vitest resolves test modules through
 * the SSR resolver: the condition has to be listed under `ssr.resolve.conditions`
 * (`resolve.conditions` alone is not enough).
 *
 * Run one package with a path filter: `./dev test packages/core`.
 */
const sourceCondition = "@localrights/source"

export default defineConfig({
  resolve: {
    conditions: [sourceCondition, ...defaultClientConditions]
  },
  ssr: {
    resolve: {
      conditions: [sourceCondition, ...defaultServerConditions]
    }
  },
  test: {
    include: ["packages/**/test/**/*.test.ts", "examples/**/test/**/*.test.ts", "bench/test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**", "**/.tools/**"],
    environment: "node",
    // Store suites start PGlite (about 2.5 s, up to ~10 s on a busy 2-core CI machine)
    // in `beforeAll`; property tests can be slow too.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    // Under CI also write a JSON summary; .ci/run prints its totals.
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "out/test-results.json" }
  }
})

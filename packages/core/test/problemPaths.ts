/**
 * The field paths of the violations a failed decode reports, for assertions.
 */
import { Exit } from "effect"
import type { Validation } from "@localrights/core"

export const problemPaths = (exit: Exit.Exit<unknown, Validation.ValidationError>): Array<string> =>
  Exit.isFailure(exit) ? exit.cause.reasons.flatMap((r) => (r._tag === "Fail" ? r.error.violations.map((v) => v.field) : [])) : []

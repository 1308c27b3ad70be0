/**
 * Agreements' commands against the store: a deliverable added, its progress recorded (status
 * and evidence), a consultation recorded. Each re-reads the agreement, runs the pure rule of
 * {@link Agreement} on it, and is recorded in the change log under its own command name with
 * the change's actor; the change states the version read ({@link ChangeLog.Update}). The
 * agreement store refuses a change of a deliverable's status or evidence that does not come
 * from {@link recordProgress} (rule `command-field`).
 *
 * **Details**
 *
 * Commands and their change-log names: {@link addDeliverable} (`AddDeliverable`),
 * {@link recordProgress} (`RecordDeliverableProgress`), {@link recordConsultation}
 * (`RecordConsultation`).
 *
 * @example
 * ```ts
 * import { ChangeLog, Agreements } from "@localrights/core"
 * import { Effect } from "effect"
 *
 * const program = Agreements.recordProgress(
 *   "regeringen-skl-2014",
 *   "kartlaggning",
 *   "delivered",
 *   [{ description: { sv: "Rapporten publicerad", en: "Report published" }, date: "2015-03-01" }],
 *   ChangeLog.change("skr", "survey delivered", 1)
 * )
 * ```
 *
 * @module
 * @group Programme work
 * @since 0.2.0
 */
import { Effect, Result } from "effect"
import type * as ChangeLog from "../ChangeLog.ts"
import * as Guarded from "../internal/guarded.ts"
import type * as EntityStore from "../store/EntityStore.ts"
import * as Agreement from "./Agreement.ts"

const step = (
  id: string,
  change: ChangeLog.Update,
  command: EntityStore.CommandName,
  rule: (stored: Agreement.Agreement) => Result.Result<Agreement.Agreement, Agreement.AgreementRefused>
) =>
  Effect.flatMap(Agreement.Store, (store) =>
    Effect.map(
      Guarded.commandOn<Agreement.Agreement, Agreement.AgreementRefused, Agreement.Agreement, Agreement.AgreementRefused, never>(store, `Agreements.${command}`, id, change, command, (t) => Effect.fromResult(rule(t)), (t) => t),
      ({ written }) => written
    ))

/**
 * Adds a deliverable, recorded as `AddDeliverable`; refused as
 * {@link Agreement.addDeliverable} refuses (`due-outside-period`, `duplicate-key`).
 *
 * @category commands
 * @since 0.2.0
 */
export const addDeliverable = Effect.fn("Agreements.addDeliverable")(function*(id: string, deliverable: Agreement.Deliverable, change: ChangeLog.Update) {
  return yield* step(id, change, "AddDeliverable", (a) => Agreement.addDeliverable(a, deliverable))
})

/**
 * Sets a deliverable's status and appends evidence, recorded as `RecordDeliverableProgress`;
 * `delivered` needs evidence (`evidence-required`), an unknown key is `unknown-deliverable`.
 *
 * @category commands
 * @since 0.2.0
 */
export const recordProgress = Effect.fn("Agreements.recordProgress")(function*(
  id: string,
  key: string,
  status: Agreement.DeliverableStatus,
  evidence: ReadonlyArray<Agreement.Evidence>,
  change: ChangeLog.Update
) {
  return yield* step(id, change, "RecordDeliverableProgress", (a) => Agreement.recordProgress(a, key, status, evidence))
})

/**
 * Records a consultation between the parties, recorded as `RecordConsultation`.
 *
 * @category commands
 * @since 0.2.0
 */
export const recordConsultation = Effect.fn("Agreements.recordConsultation")(function*(id: string, consultation: Agreement.Consultation, change: ChangeLog.Update) {
  return yield* step(id, change, "RecordConsultation", (a) => Result.succeed(Agreement.recordConsultation(a, consultation)))
})

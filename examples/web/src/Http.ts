/**
 * The handlers: each endpoint of {@link Api} over core's services. Handlers only translate:
 * decoded input in, core call, public output out. Every refusal of core becomes a 422
 * `Refused` the same way (`Domain.answerRefusals`). A `StoreError` is not the caller's fault:
 * it becomes a 500 and is logged.
 */
import { Assessment, Budget, ChangeLog, DocumentStore, Network, Organisation, Partnership, Partnerships, Programme, ProgressReport, Sdg, Validation } from "@localrights/core"
import { Context, Effect, Layer, Option } from "effect"
import type * as Types from "effect/Types"
import { HttpRouter, HttpServerRequest } from "effect/http"
import { HttpApiBuilder, HttpApiError } from "effect/http-api"
import { Api, InputValidation, WriteGate } from "./Api.ts"
import { SiteVersion } from "./Cache.ts"
import * as Domain from "./Domain.ts"

// ---------------------------------------------------------------------------------------------
// Write access
// ---------------------------------------------------------------------------------------------

/**
 * Whether lifecycle commands are accepted. Off by default: this example has no
 * authentication, and the command endpoint must sit behind it in a real deployment.
 */
export class WriteAccess extends Context.Service<WriteAccess, { readonly enabled: boolean }>()(
  "@localrights/example-web/WriteAccess"
) {
  /** Writes on or off. */
  static readonly layer = (enabled: boolean) => Layer.succeed(WriteAccess, { enabled })
}

// ---------------------------------------------------------------------------------------------
// Input validation
// ---------------------------------------------------------------------------------------------

/** The raw input of a request part, to show the value found at a failing path. */
const rawInput = (kind: HttpApiError.HttpApiSchemaError["kind"]): Effect.Effect<unknown, never, HttpServerRequest.HttpServerRequest> => {
  switch (kind) {
    case "Query":
      return Effect.serviceOption(HttpServerRequest.ParsedSearchParams).pipe(Effect.map(Option.getOrUndefined))
    case "Params":
      return Effect.serviceOption(HttpRouter.RouteContext).pipe(Effect.map((o) => Option.getOrUndefined(o)?.params))
    case "Payload":
      // the body text is cached by the request; text that is not JSON is shown as it is
      return Effect.gen(function*() {
        const text = yield* (yield* HttpServerRequest.HttpServerRequest).text
        try {
          return JSON.parse(text) as unknown
        } catch {
          return text
        }
      }).pipe(Effect.orElseSucceed(() => undefined))
    default:
      return Effect.succeed(undefined)
  }
}

const subjects = { Query: "query", Params: "path", Payload: "body", Headers: "headers" } as const

/** The {@link InputValidation} middleware: a request decoding failure becomes a 400 `ValidationError`. */
export const InputValidationLive = Layer.succeed(
  InputValidation,
  (httpEffect) =>
    Effect.catch(httpEffect, (error): Effect.Effect<never, Types.unhandled | Validation.ValidationError, HttpServerRequest.HttpServerRequest> => {
      const e: unknown = error
      if (!HttpApiError.HttpApiSchemaError.is(e) || !(e.kind in subjects)) return Effect.fail(error)
      return Effect.flatMap(rawInput(e.kind), (input) =>
        Effect.fail(
          new Validation.ValidationError({
            subject: { kind: subjects[e.kind as keyof typeof subjects] },
            violations: Validation.violationsOf(e.cause.issue, input)
          })
        ))
    })
)

/** The {@link WriteGate} middleware: 403 unless {@link WriteAccess} is on. */
export const WriteGateLive = Layer.effect(
  WriteGate,
  Effect.gen(function*() {
    const access = yield* WriteAccess
    return (httpEffect) => (access.enabled ? httpEffect : Effect.fail(Domain.writeDisabled))
  })
)

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------

/** A partnership the public may see (`Domain.isPublic`), else `NotFound`. */
const findPublic = (store: Partnership.Store["Service"], id: string) =>
  store.find(id).pipe(
    Effect.flatMap((found) =>
      Option.isSome(found) && Domain.isPublic(found.value)
        ? Effect.succeed(found.value)
        : Effect.fail(new DocumentStore.NotFound({ kind: "partnership", id }))
    )
  )

/** Partnerships: catalogue, one partnership, its change log, lifecycle commands. */
export const PartnershipsLive = HttpApiBuilder.group(
  Api,
  "partnerships",
  Effect.fn(function*(handlers) {
    const partnerships = yield* Partnership.Store
    const version = yield* SiteVersion
    // what `Partnerships.execute` reads besides partnerships (programmes, organisations, networks,
    // the assessments and budgets a gate decision cites, and the final progress report that
    // `Conclude` needs), resolved once when the routes are built
    const stores = yield* Effect.context<
      | Partnership.Store
      | Programme.Store
      | Organisation.Store
      | Network.Store
      | Assessment.Store
      | Budget.Store
      | ProgressReport.Store
    >()
    return handlers
      .handle("search", ({ query }) =>
        partnerships.search({ ...query, status: query.status ?? Domain.publicStatuses }).pipe(
          Effect.map((page) => ({ ...page, items: page.items.map(Domain.toPublic) })),
          Effect.orDie
        ))
      .handle("get", ({ params }) =>
        findPublic(partnerships, params.id).pipe(
          Effect.map(Domain.toPublic),
          Effect.catchTag("StoreError", Effect.die)
        ))
      .handle("history", ({ params, query }) =>
        findPublic(partnerships, params.id).pipe(
          Effect.flatMap(() => partnerships.history(params.id)),
          Effect.map((records): Domain.HistoryPage => {
            const offset = query.offset ?? 0
            const limit = query.limit ?? 50
            const items = records.slice(offset, offset + limit).map(Domain.toPublicChange)
            return offset + limit < records.length ? { items, total: records.length, next: offset + limit } : { items, total: records.length }
          }),
          Effect.catchTag("StoreError", Effect.die)
        ))
      .handle("command", ({ params, payload }) =>
        Partnerships.execute(params.id, payload.command, ChangeLog.change(payload.actor, payload.reason, payload.expectedVersion)).pipe(
          Effect.provide(stores),
          Effect.tap(() => version.bump),
          Effect.catchTag("StoreError", Effect.die),
          Effect.mapError(Domain.answerRefusals)
        ))
  })
)

/** The SDG catalogue. */
export const SdgLive = HttpApiBuilder.group(
  Api,
  "sdg",
  (handlers) =>
    handlers
      .handle("goals", ({ query }) => Effect.succeed(Sdg.goals.map((g) => Domain.goalEntry(g, query.lang ?? "sv"))))
      .handle("search", ({ query }) => Effect.succeed(Sdg.search(query.q).map(Domain.searchHit)))
)

/**
 * The API routes (with `/openapi.json`). Needs the stores (`Partnerships.execute` reads
 * programmes, organisations and networks too), {@link WriteAccess} and `SiteVersion`.
 */
export const ApiRoutes = HttpApiBuilder.layer(Api, { openapiPath: "/openapi.json" }).pipe(
  Layer.provide([PartnershipsLive, SdgLive]),
  Layer.provide([InputValidationLive, WriteGateLive])
)

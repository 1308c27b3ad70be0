/**
 * The handlers: each endpoint of {@link Api} over core's services. Handlers only translate:
 * decoded input in, core call, public output out. Every refusal of core becomes a 422
 * `Refused` the same way (`Domain.answerRefusals`). A `StoreError` is not the caller's fault:
 * it becomes a 500 and is logged.
 */
import { ChangeLog, Network, Organisation, Partnership, Partnerships, Programme, Sdg, Validation } from "@localrights/core"
import { Context, Effect, Layer, Option } from "effect"
import type * as Types from "effect/Types"
import { HttpRouter, HttpServerRequest } from "effect/http"
import { HttpApiBuilder, HttpApiError, HttpApiScalar } from "effect/http-api"
import { Api, InputValidation, WriteGate } from "./Api.ts"
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

/** Partnerships: catalogue, one partnership, its change log, lifecycle commands. */
export const PartnershipsLive = HttpApiBuilder.group(
  Api,
  "partnerships",
  Effect.fn(function*(handlers) {
    const partnerships = yield* Partnership.Store
    // what `Partnerships.execute` reads besides partnerships, resolved once when the routes are built
    const stores = yield* Effect.context<
      | Partnership.Store
      | Programme.Store
      | Organisation.Store
      | Network.Store
    >()
    return handlers
      .handle("search", ({ query }) =>
        partnerships.search(query).pipe(
          Effect.map((page) => ({ ...page, items: page.items.map(Domain.toPublic) })),
          Effect.orDie
        ))
      .handle("get", ({ params }) =>
        partnerships.get(params.id).pipe(
          Effect.map(Domain.toPublic),
          Effect.catchTag("StoreError", Effect.die)
        ))
      .handle("history", ({ params }) =>
        partnerships.get(params.id).pipe(
          Effect.flatMap(() => partnerships.history(params.id)),
          Effect.map((records) => records.map(Domain.toPublicChange)),
          Effect.catchTag("StoreError", Effect.die)
        ))
      .handle("command", ({ params, payload }) =>
        Partnerships.execute(params.id, payload.command, ChangeLog.change(payload.actor, payload.reason, payload.expectedVersion)).pipe(
          Effect.provide(stores),
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
 * The API routes (with `/openapi.json`) and the `/docs` page. Needs the stores
 * (`Partnerships.execute` reads programmes, organisations and networks too) and {@link WriteAccess}.
 */
export const ApiRoutes = HttpApiBuilder.layer(Api, { openapiPath: "/openapi.json" }).pipe(
  Layer.provide([PartnershipsLive, SdgLive]),
  Layer.provide([InputValidationLive, WriteGateLive])
)

/**
 * API documentation with Scalar, bundled by Effect and served inline. Default fonts are off
 * (they would load from fonts.scalar.com); the page's Content-Security-Policy
 * (see `Server.ts`) blocks any other outside request.
 */
export const DocsRoute = HttpApiScalar.layer(Api, {
  path: "/docs",
  scalar: { withDefaultFonts: false }
})

/**
 * The HTTP API as data: groups, endpoints, input and output schemas, and which error answers
 * with which status. HTTP statuses live here and nowhere else: core's errors know nothing of
 * HTTP.
 *
 * | Error                          | Status | Body says                                              |
 * | ------------------------------ | ------ | ------------------------------------------------------ |
 * | `ValidationError` (core)       | 400    | `subject { kind }`, `violations[{ field, rule, value, text {sv,en} }]` |
 * | `WriteDisabled` (this app)     | 403    | `explanation { sv, en }`                               |
 * | `NotFound` (core)              | 404    | `kind`, `id`                                           |
 * | `VersionConflict` (core)       | 409    | `kind`, `id`, `expected`, `actual`                     |
 * | `Refused` (any core refusal)   | 422    | `refusal`, `subject`, `violations[{ field, rule, value, text {sv,en} }]`, `explanation` |
 *
 * Every input (path, query, body) is decoded by the schemas below; the {@link InputValidation}
 * middleware turns a decoding failure into core's `ValidationError` with the field path.
 */
import { Catalogue, DocumentStore, Ids, LocalizedText, Partnership, Validation } from "@localrights/core"
import { Schema, SchemaGetter } from "effect"
import { HttpApi, HttpApiEndpoint, HttpApiGroup, HttpApiMiddleware, HttpApiSchema, OpenApi } from "effect/http-api"
import * as Domain from "./Domain.ts"

// ---------------------------------------------------------------------------------------------
// Errors with their statuses
// ---------------------------------------------------------------------------------------------

/** 400: input that does not decode; every problem with its field path. */
export const BadRequest = Validation.ValidationError.pipe(HttpApiSchema.status(400))
/** 403: writes are switched off. */
export const Forbidden = Domain.WriteDisabled.pipe(HttpApiSchema.status(403))
/** 404: no such partnership. */
export const NotFound = DocumentStore.NotFound.pipe(HttpApiSchema.status(404))
/** 409: someone else changed the partnership since the caller read it. */
export const Conflict = DocumentStore.VersionConflict.pipe(HttpApiSchema.status(409))
/**
 * 422: core refused the request (the lifecycle's `TransitionRefused`, or any other refusal): the
 * subject and every violation, explained in both languages.
 */
export const Unprocessable = Domain.Refused.pipe(HttpApiSchema.status(422))

/**
 * Turns request decoding failures (path, query, body) into a 400 {@link BadRequest} carrying
 * core's `ValidationError` violations. Without it the framework answers an empty 400.
 */
export class InputValidation extends HttpApiMiddleware.Service<InputValidation>()(
  "@localrights/example-web/InputValidation",
  { error: BadRequest }
) {}

/**
 * Refuses writes with a 403 {@link Forbidden} unless they are switched on, before the body is
 * read. This example has no authentication: in a real deployment, put an authentication
 * middleware here (see `HttpApiMiddleware` with `security`) and take the actor from it.
 */
export class WriteGate extends HttpApiMiddleware.Service<WriteGate>()(
  "@localrights/example-web/WriteGate",
  { error: Forbidden }
) {}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/**
 * `status=admitted&status=matched` or `status=admitted,matched`: a list of public statuses
 * (`Domain.publicStatuses`; the others are never shown, so asking for them is an error).
 */
export const StatusList = Schema.Array(Schema.String).pipe(
  Schema.decodeTo(Schema.Array(Domain.PublicStatus), {
    // the strings are checked against the statuses by the target schema, with their index
    decode: SchemaGetter.transform((values: ReadonlyArray<string>) =>
      values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "") as ReadonlyArray<Domain.PublicStatus>
    ),
    encode: SchemaGetter.transform((values: ReadonlyArray<string>) => values)
  })
).annotate({ description: "Statuses: repeat the parameter or separate them with commas" })

/** The catalogue query (core's `Catalogue.Query`) as URL parameters. */
export const SearchQuery = {
  ...Catalogue.Query.fields,
  status: Schema.optionalKey(StatusList)
}

/** `?lang=sv|en`. */
export const LangQuery = { lang: Schema.optionalKey(LocalizedText.Lang) }

const idParam = { id: Ids.PartnershipId }

/** The most entries one page of a change log holds. */
export const maxHistoryLimit = 200

/** `?offset=&limit=` of a change log page (default: the first 50 entries). */
export const HistoryQuery = {
  offset: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))),
  limit: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: maxHistoryLimit })))
}

// ---------------------------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------------------------

/** The partnership catalogue, one partnership, its change log, and lifecycle commands. */
export class PartnershipsApi extends HttpApiGroup.make("partnerships")
  .add(
    HttpApiEndpoint.get("search", "/", {
      query: SearchQuery,
      success: Domain.PublicPage
    }).annotate(OpenApi.Description, "Search the catalogue of public partnerships (admitted and later): filters, free text (sv and en), sort, cursor paging and facet counts."),
    HttpApiEndpoint.get("get", "/:id", {
      params: idParam,
      success: Domain.PublicPartnership,
      error: NotFound
    }),
    HttpApiEndpoint.get("history", "/:id/history", {
      params: idParam,
      query: HistoryQuery,
      success: Domain.HistoryPage,
      error: NotFound
    }).annotate(OpenApi.Description, "The change log, oldest first, a page at a time (`offset`, `limit` up to 200, default 50). Actors are not shown: they may be persons."),
    HttpApiEndpoint.post("command", "/:id/commands", {
      params: idParam,
      payload: Domain.CommandRequest,
      success: Partnership.Partnership,
      error: [NotFound, Conflict, Unprocessable]
    }).middleware(WriteGate).annotate(
      OpenApi.Description,
      "Run a lifecycle command. Switched off unless LOCALRIGHTS_WEB_WRITE=1; must sit behind authentication in a real deployment."
    )
  )
  .prefix("/api/partnerships")
{}

/** The UN Sustainable Development Goals with the language of every text. */
export class SdgApi extends HttpApiGroup.make("sdg")
  .add(
    HttpApiEndpoint.get("goals", "/goals", {
      query: LangQuery,
      success: Schema.Array(Domain.GoalEntry)
    }),
    HttpApiEndpoint.get("search", "/search", {
      query: {
        ...LangQuery,
        q: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200))
      },
      success: Schema.Array(Domain.SearchHit)
    })
  )
  .prefix("/api/sdg")
{}

/** The whole API. Inputs are decoded strictly: every problem reported, unknown fields refused. */
export class Api extends HttpApi.make("localrights")
  .add(PartnershipsApi)
  .add(SdgApi)
  .middleware(InputValidation)
  .annotate(HttpApi.QueryParseOptions, { errors: "all", onExcessProperty: "error" })
  .annotate(HttpApi.PayloadParseOptions, { errors: "all", onExcessProperty: "error" })
  .annotate(HttpApi.ParamsParseOptions, { errors: "all" })
  .annotateMerge(OpenApi.annotations({
    title: "localrights example API",
    description: "Municipal human-rights partnerships: catalogue, project cards, change logs and lifecycle commands."
  }))
{}

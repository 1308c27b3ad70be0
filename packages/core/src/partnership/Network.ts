/**
 * A network: a cohort of partnerships inside one programme that meet for joint trainings and
 * exchange of experience.
 *
 * @module
 * @group Partnership
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import { CalendarDate } from "../CalendarDate.ts"
import { NetworkId, ProgrammeId } from "../Ids.ts"
import { LocalizedText } from "../LocalizedText.ts"
import * as EntityStore from "../store/EntityStore.ts"

/**
 * A network.
 *
 * @category schemas
 * @since 0.1.0
 */
export class Network extends Schema.Class<Network>("@localrights/core/Network")({
  id: NetworkId,
  programme: ProgrammeId,
  name: LocalizedText,
  started: Schema.optionalKey(CalendarDate),
  /** Partnerships expected to join that are not yet registered, with what is known of them. */
  expected: Schema.Array(Schema.Struct({ note: LocalizedText })),
  version: Version
}) {}

/**
 * A network from plain values, at version 0 (not yet stored); no expected partnerships unless
 * given.
 *
 * @example
 * ```ts
 * import { Network } from "@localrights/core"
 * const network = Network.make({
 *   id: "icld-mr-2020-network",
 *   programme: "icld-mr-2020",
 *   name: { en: "Municipal Partnerships for Human Rights network 2020" },
 *   started: "2020-12-10"
 * })
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = Construct.make(Network, "Network", { expected: [] })

/**
 * A network from untrusted input (JSON), with the defaults of {@link make}.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = Construct.decode(make)

/**
 * The store of networks, with versions and change log: `Store.layer` derives it from the
 * document store (`Stores.layer` includes it); an adapter may provide it directly.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends EntityStore.Service<Store>()("network", Network) {}

/**
 * The store of expense ledgers, with versions and change log. Derived from the primitive
 * {@link DocumentStore.DocumentStore} by {@link layer}; an adapter may also provide it directly.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"
import type { DocumentStore } from "./DocumentStore.ts"
import * as EntityStore from "./EntityStore.ts"
import { Ledger } from "./Expenses.ts"

/**
 * The store of expense ledgers.
 *
 * @category services
 * @since 0.1.0
 */
export class ExpenseLedgerStore extends Context.Service<ExpenseLedgerStore, EntityStore.EntityStore<Ledger>>()(
  "@localrights/core/ExpenseLedgerStore"
) {}

/**
 * Builds the store over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<ExpenseLedgerStore["Service"], never, DocumentStore> = EntityStore.make("expense-ledger", Ledger)

/**
 * The store as a layer over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<ExpenseLedgerStore, never, DocumentStore> = Layer.effect(ExpenseLedgerStore, make)

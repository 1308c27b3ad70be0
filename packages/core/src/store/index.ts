/**
 * Storage ports.
 *
 * Storage: the primitive `DocumentStore` port an adapter implements (read, versioned write with
 * its change record, list, history), `EntityStore` that derives a typed store per entity from
 * it, `Stores` that provides every entity store at once, and `PersonalData` for export and
 * erasure of one person's data across every store.
 *
 * @module
 * @since 0.2.0
 */
export * as DocumentStore from "./DocumentStore.ts"
export * as EntityStore from "./EntityStore.ts"
export * as Stores from "./Stores.ts"
export * as PersonalData from "./PersonalData.ts"
export * as AuditLog from "./AuditLog.ts"
export * as Audit from "./Audit.ts"

/**
 * @module
 * @since 0.1.0
 */
export * as PgDocumentStore from "./PgDocumentStore.ts"
export * as PgPartnershipStore from "./PgPartnershipStore.ts"
export * as PgStore from "./PgStore.ts"
/**
 * Bulk import of partnerships (shared with the SQLite store).
 *
 * @since 0.1.0
 */
export { Import } from "@localrights/store-sql"

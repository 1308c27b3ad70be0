/**
 * @module
 * @since 0.1.0
 */
export * as SqliteClient from "./SqliteClient.ts"
export * as SqliteDocumentStore from "./SqliteDocumentStore.ts"
export * as SqlitePartnershipStore from "./SqlitePartnershipStore.ts"
export * as SqliteStore from "./SqliteStore.ts"
/**
 * Bulk import of partnerships (shared with the PostgreSQL store).
 *
 * @since 0.1.0
 */
export { Import } from "@localrights/store-sql"

/**
 * @module
 * @since 0.1.0
 */
export * as Import from "./Import.ts"
export * as Migrations from "./Migrations.ts"
export * as SqlDocumentStore from "./SqlDocumentStore.ts"
export * as SqlPartnershipStore from "./SqlPartnershipStore.ts"
export * as SqlStores from "./SqlStores.ts"

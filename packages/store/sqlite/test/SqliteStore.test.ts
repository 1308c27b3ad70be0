import { DocumentStore, Stores } from "@localrights/core"
import { AssessmentStoreTest, AuditLogTest, DocumentStoreTest, PartnershipStoreTest, ProgrammeWorkStoreTest } from "@localrights/core/testing"
import { IntegrityTest, ResultsTest, SqlStoreTest } from "@localrights/store-sql/testing"
import { SqliteClient, SqliteDocumentStore, SqliteStore } from "@localrights/store-sqlite"

// the in-memory reference store runs the same document suite with 100 writers too
DocumentStoreTest.suite("memory", DocumentStore.layerMemory, { concurrentWriters: 100 })
PartnershipStoreTest.suite("memory", Stores.layerMemory)

// every core contract suite, unchanged, over SQLite
DocumentStoreTest.suite("sqlite", SqliteDocumentStore.layer(), { concurrentWriters: 100 })
PartnershipStoreTest.suite("sqlite", SqliteStore.layerMemory)
AssessmentStoreTest.suite("sqlite", SqliteStore.layerMemory)
ProgrammeWorkStoreTest.suite("sqlite", SqliteStore.layerMemory)
AuditLogTest.suite("sqlite", SqliteStore.layerMemory)

// the SQL stores' own suite: migrations and upgrade, search as a property, 100 writers, import
SqlStoreTest.suite("sqlite", SqliteClient.layer())
IntegrityTest.suite("sqlite", SqliteClient.layer())
ResultsTest.suite("sqlite", SqliteClient.layer())

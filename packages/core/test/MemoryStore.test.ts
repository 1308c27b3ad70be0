import { DocumentStore, Stores } from "@localrights/core"
import { DocumentStoreTest, PartnershipStoreTest } from "@localrights/core/testing"

DocumentStoreTest.suite("memory", DocumentStore.layerMemory, { concurrentWriters: 100 })
PartnershipStoreTest.suite("memory", Stores.layerMemory)

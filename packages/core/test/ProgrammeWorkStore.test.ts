import { Stores } from "@localrights/core"
import { ProgrammeWorkStoreTest } from "@localrights/core/testing"

ProgrammeWorkStoreTest.suite("memory", Stores.layerMemory)

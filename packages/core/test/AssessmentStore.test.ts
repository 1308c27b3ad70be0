import { Stores } from "@localrights/core"
import { AssessmentStoreTest } from "@localrights/core/testing"

AssessmentStoreTest.suite("memory", Stores.layerMemory)

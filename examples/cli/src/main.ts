#!/usr/bin/env node
/**
 * Starts the `localrights` command: the command itself (`Run.ts`) runs in a worker thread with
 * resource limits, so that its heap stays bounded at Node's default settings (a million-record
 * import within 256 MB resident, benchmark P8); this thread only passes the terminal's
 * properties on, forwards Ctrl-C and exits with the command's exit code. Node's compile cache
 * is on in both threads: later runs start sooner.
 */
import { enableCompileCache } from "node:module"
import { Worker } from "node:worker_threads"

const cache = enableCompileCache?.()
// the cache is per thread: the command's thread finds its folder in the environment
if (cache?.directory !== undefined) process.env["NODE_COMPILE_CACHE"] ??= cache.directory

const args = process.argv.slice(2)
// `import` gets a bounded old generation (LOCALRIGHTS_IMPORT_HEAP_MB, default 128); every
// command a young generation of a few MB (V8's default lets it grow to 128 MB)
const importing = args.includes("import")
const heap = Number(process.env["LOCALRIGHTS_IMPORT_HEAP_MB"] ?? "")
// the command's thread: Run.ts beside this file (Run.js when the command is bundled)
const self = import.meta.url
const worker = new Worker(new URL(`./Run${self.slice(self.lastIndexOf("."))}`, self), {
  argv: args,
  workerData: { stdoutIsTTY: process.stdout.isTTY === true, stderrIsTTY: process.stderr.isTTY === true, columns: process.stdout.columns },
  resourceLimits: {
    maxYoungGenerationSizeMb: 6,
    ...(importing ? { maxOldGenerationSizeMb: Number.isInteger(heap) && heap >= 32 ? heap : 128 } : {})
  }
})
const stop = () => void worker.postMessage("interrupt")
process.on("SIGINT", stop)
process.on("SIGTERM", stop)
worker.on("error", (e: Error & { code?: string }) => {
  process.stderr.write(
    e.code === "ERR_WORKER_OUT_OF_MEMORY"
      ? "fel: minnet tog slut; för en import, höj gränsen med LOCALRIGHTS_IMPORT_HEAP_MB (det som sparats finns kvar)\n" +
        "error: out of memory; for an import, raise the limit with LOCALRIGHTS_IMPORT_HEAP_MB (what was committed stays)\n"
      : `fel / error: ${e.stack ?? e.message}\n`
  )
  process.exitCode = 1
})
worker.on("exit", (code) => {
  if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = code
  process.removeListener("SIGINT", stop)
  process.removeListener("SIGTERM", stop)
})

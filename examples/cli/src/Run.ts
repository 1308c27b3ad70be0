/**
 * The command's thread (started by `main.ts`): takes the terminal's properties from the main
 * thread (a worker's own streams are not terminals), then runs `Root.ts`; an interrupt from the
 * main thread (Ctrl-C) interrupts the command, whose committed work stays.
 */
import { parentPort, workerData } from "node:worker_threads"

const tty = (workerData ?? {}) as { stdoutIsTTY?: boolean; stderrIsTTY?: boolean; columns?: number }
Object.defineProperty(process.stdout, "isTTY", { value: tty.stdoutIsTTY === true, configurable: true })
Object.defineProperty(process.stderr, "isTTY", { value: tty.stderrIsTTY === true, configurable: true })
if (tty.columns !== undefined) Object.defineProperty(process.stdout, "columns", { value: tty.columns, configurable: true })

const { run } = await import("./Root.ts")
const fiber = run()
parentPort?.on("message", (m) => {
  if (m === "interrupt") process.emit("SIGINT")
})
// the port does not keep the thread alive: it ends when the command does
parentPort?.unref()
void fiber

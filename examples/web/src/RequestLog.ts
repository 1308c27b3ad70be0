/**
 * One log line per request: `2026-12-01T22:36:55.232Z INFO GET /sv/ 200 1.2ms cached`, written
 * to standard output in batches (every 20 ms or 64 KiB), so a busy server does not make a
 * system call per request. Requests log at Info, answers of 5xx at Error; lines below the
 * configured level (`LOG_LEVEL`, Info by default) are not written, so `Warn` keeps only the
 * failures.
 */
import type * as LogLevel from "effect/LogLevel"

const order: Readonly<Record<LogLevel.LogLevel, number>> = { All: 0, Trace: 1, Debug: 2, Info: 3, Warn: 4, Error: 5, Fatal: 6, None: 7 }

/** The request log. */
export interface RequestLog {
  /** Logs a request: 5xx at Error, others at Info. */
  readonly request: (method: string, path: string, status: number, ms: number, cached: boolean, detail?: string) => void
  /** Writes what is buffered. */
  readonly flush: () => void
}

/** A request log at `level`, writing with `write` (standard output by default). */
export const make = (level: LogLevel.LogLevel, write: (text: string) => void = (text) => void process.stdout.write(text)): RequestLog => {
  let buffer = ""
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    if (buffer === "") return
    const text = buffer
    buffer = ""
    write(text)
  }
  const min = order[level]
  return {
    request: (method, path, status, ms, cached, detail) => {
      const error = status >= 500
      if ((error ? order.Error : order.Info) < min) return
      buffer += `${new Date().toISOString()} ${error ? "ERROR" : "INFO"} ${method} ${path.slice(0, 200).replace(/[\u0000-\u001f\u007f]/g, "?")} ${status} ${ms.toFixed(1)}ms${cached ? " cached" : ""}${detail === undefined ? "" : ` ${detail.replace(/[\u0000-\u001f\u007f]/g, " ")}`}\n`
      if (buffer.length >= 65536) flush()
      else if (timer === undefined) timer = setTimeout(flush, 20).unref()
    },
    flush
  }
}

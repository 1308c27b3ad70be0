/**
 * P7: the example web app under load. Requests per second and p99 latency of the catalogue
 * page (`/sv/`) and of the API (`/api/partnerships`) against a bare `node:http` server that
 * sends the same bytes (status, headers and the same brotli-compressed body the app sent),
 * with the same load generator in the same run: 64 keep-alive connections over loopback, each
 * sending its next request as soon as the answer is in (closed loop, no pipelining), for a
 * bounded time per round. Goals (issue 14): ratio app / bare >= 0.5 and p99 <= 50 ms.
 *
 * Both servers run as child processes of their own (the app as `./dev web` runs it: SQLite
 * file, one log line per request at level Info, read from a pipe and dropped), so the load generator
 * in this process does not share an event loop with either. Rounds (default 5) interleave app
 * and bare (A B, B A, …), 3 s each (times `BENCH_SCALE`, at least 1 s), after 2 s of warm-up
 * of each.
 *
 * The load generator is our own (below, ~60 lines over `node:net`): autocannon is not a
 * dependency of this repository, and a raw-socket client costs less CPU per request than one
 * over `node:http`, which matters on a machine whose two cores also run both servers.
 */
import { spawn, type ChildProcess } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { request as httpRequest } from "node:http"
import { connect, createServer as netServer, type Socket } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { interleave, scaled, type Measure } from "../Measure.ts"
import { median } from "../lib/stats.ts"

const root = join(import.meta.dirname, "..", "..")
const connections = 64

interface Load {
  readonly perSecond: number
  readonly p99: number
  readonly errors: number
}

/** A closed-loop load of `connections` keep-alive sockets for `ms`, each waiting for its answer. */
const load = (port: number, path: string, ms: number): Promise<Load> =>
  new Promise((resolve, reject) => {
    const request = Buffer.from(`GET ${path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\naccept-encoding: br, gzip\r\nconnection: keep-alive\r\n\r\n`, "latin1")
    const latencies: Array<number> = []
    let errors = 0
    let open = connections
    const started = performance.now()
    const deadline = started + ms
    const finish = () => {
      const seconds = (performance.now() - started) / 1000
      const sorted = Float64Array.from(latencies).sort()
      resolve({
        perSecond: latencies.length / seconds,
        p99: sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)]!,
        errors
      })
    }
    for (let i = 0; i < connections; i++) {
      const socket: Socket = connect(port, "127.0.0.1")
      socket.setNoDelay(true)
      let buffer: Buffer = Buffer.alloc(0)
      let sent = 0
      let need = -1
      const send = () => {
        if (performance.now() >= deadline) return void socket.end()
        sent = performance.now()
        need = -1
        socket.write(request)
      }
      socket.on("connect", send)
      socket.on("data", (chunk: Buffer) => {
        buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk])
        while (true) {
          if (need < 0) {
            const end = buffer.indexOf("\r\n\r\n")
            if (end < 0) return
            const head = buffer.subarray(0, end).toString("latin1")
            const length = /\r\ncontent-length: *(\d+)/i.exec(head)
            if (length === null) return void socket.destroy(new Error(`P7: an answer without content-length: ${head.slice(0, 120)}`))
            if (head.slice(9, 12) !== "200") errors++
            need = end + 4 + Number(length[1])
          }
          if (buffer.length < need) return
          buffer = buffer.subarray(need)
          latencies.push(performance.now() - sent)
          send()
          if (buffer.length === 0) return
        }
      })
      socket.on("error", reject)
      socket.on("close", () => {
        if (--open === 0) finish()
      })
    }
  })

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = netServer()
    s.listen(0, "127.0.0.1", () => {
      const address = s.address()
      s.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))))
    })
  })

/** One GET with `accept-encoding: br, gzip`: status, raw headers and the body as sent. */
const fetchRaw = (port: number, path: string) =>
  new Promise<{ status: number; headers: Array<[string, string]>; body: Buffer }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, headers: { "accept-encoding": "br, gzip" } }, (res) => {
      const chunks: Array<Buffer> = []
      res.on("data", (c: Buffer) => chunks.push(c))
      res.on("end", () => {
        const raw = res.rawHeaders
        const headers: Array<[string, string]> = []
        for (let i = 0; i < raw.length; i += 2) headers.push([raw[i]!, raw[i + 1]!])
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) })
      })
    })
    // a connection accepted while the app is still starting may never be answered
    req.setTimeout(2000, () => req.destroy(new Error("P7: no answer within 2 s")))
    req.on("error", reject)
    req.end()
  })

const waitUntilUp = async (port: number, child: ChildProcess, path: string) => {
  const until = performance.now() + 60_000
  while (performance.now() < until) {
    if (child.exitCode !== null) throw new Error(`P7: the server exited with ${child.exitCode}`)
    try {
      if ((await fetchRaw(port, path)).status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error("P7: the server did not start within 60 s")
}

// The bare server: every path answers its recorded status, headers and body, nothing else.
const bareServer = `
const { createServer } = require("node:http")
const answers = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"))
for (const a of Object.values(answers)) a.body = Buffer.from(a.body, "base64")
createServer((req, res) => {
  const a = answers[req.url]
  if (a === undefined) { res.writeHead(404, { "content-length": "0" }); return res.end() }
  res.writeHead(a.status, a.headers)
  res.end(a.body)
}).listen(Number(process.argv[2]), "127.0.0.1")
`

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once("exit", () => resolve())
    child.kill("SIGTERM")
  })

export const measure: Measure = {
  id: "P7",
  name: "Web app under load (64 connections, loopback): catalogue page and API vs bare node:http",
  run: async (options) => {
    const rounds = options.rounds ?? 5
    const ms = scaled(3000, options.scale, 100, 1000)
    const dir = mkdtempSync(join(tmpdir(), "lr-p7-"))
    const children: Array<ChildProcess> = []
    try {
      const appPort = await freePort()
      const app = spawn(process.execPath, ["--conditions=@localrights/source", join(root, "examples", "web", "src", "main.ts")], {
        env: { ...process.env, PORT: String(appPort), HOST: "127.0.0.1", LOCALRIGHTS_DB: join(dir, "web.db"), LOG_LEVEL: process.env["P7_LOG_LEVEL"] ?? "Info", LOCALRIGHTS_WEB_WRITE: "0" },
        stdio: ["ignore", "pipe", "inherit"]
      })
      // the log lines are read and dropped, as a log shipper would take them
      app.stdout?.resume()
      children.push(app)
      await waitUntilUp(appPort, app, "/api/sdg/goals")
      const paths = { catalogue: "/sv/", api: "/api/partnerships" } as const
      const answers: Record<string, { status: number; headers: Record<string, string>; body: string }> = {}
      const sizes: Record<string, number> = {}
      for (const [name, path] of Object.entries(paths)) {
        const r = await fetchRaw(appPort, path)
        if (r.status !== 200) throw new Error(`P7: ${path} answered ${r.status}`)
        const headers: Record<string, string> = {}
        for (const [k, v] of r.headers) if (!["date", "connection", "keep-alive", "transfer-encoding"].includes(k.toLowerCase())) headers[k] = v
        answers[path] = { status: r.status, headers, body: r.body.toString("base64") }
        sizes[`${name} bytes sent (brotli)`] = r.body.length
      }
      const file = join(dir, "answers.json")
      writeFileSync(file, JSON.stringify(answers))
      const barePort = await freePort()
      const bare = spawn(process.execPath, ["-e", bareServer, file, String(barePort)], { stdio: ["ignore", "ignore", "inherit"] })
      children.push(bare)
      await waitUntilUp(barePort, bare, paths.catalogue)
      for (const path of Object.values(paths)) {
        await load(appPort, path, 1000)
        await load(barePort, path, 1000)
      }
      const figures = []
      const details: Record<string, number | string> = { ...sizes, connections, "round ms": ms, rounds }
      for (const [name, path] of Object.entries(paths)) {
        const r = await interleave(rounds, { subject: () => load(appPort, path, ms), baseline: () => load(barePort, path, ms) })
        const errors = [...r.subject, ...r.baseline].reduce((s, x) => s + x.errors, 0)
        if (errors > 0) throw new Error(`P7: ${errors} answers to ${path} were not 200`)
        const ratio = r.subject.map((s, i) => s.perSecond / r.baseline[i]!.perSecond)
        figures.push(
          { name: `${name} (${path}): ratio app / bare node:http`, unit: "×", better: "higher" as const, rounds: ratio, goals: [{ on: "median" as const, op: ">=" as const, bound: 0.5 }] },
          { name: `${name} (${path}): app p99`, unit: "ms", better: "lower" as const, rounds: r.subject.map((x) => x.p99), goals: [{ on: "median" as const, op: "<=" as const, bound: 50 }] },
          { name: `${name} (${path}): app`, unit: "req/s", better: "higher" as const, rounds: r.subject.map((x) => x.perSecond) },
          { name: `${name} (${path}): bare node:http`, unit: "req/s", better: "higher" as const, rounds: r.baseline.map((x) => x.perSecond) },
          { name: `${name} (${path}): bare p99`, unit: "ms", better: "lower" as const, rounds: r.baseline.map((x) => x.p99) }
        )
        details[`${name} app req/s (median)`] = Math.round(median(r.subject.map((x) => x.perSecond)))
        details[`${name} bare req/s (median)`] = Math.round(median(r.baseline.map((x) => x.perSecond)))
      }
      // headline first: the catalogue ratio
      return {
        figures,
        details,
        notes: ["Servers are child processes; the load generator is this process. On a shared 2-core machine the three compete for CPU alike in both halves of a round."]
      }
    } finally {
      for (const c of children) await stop(c)
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

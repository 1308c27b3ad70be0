/**
 * The PostgreSQL server the benchmarks use (P2, P3): 127.0.0.1:5432, trust auth, database
 * `test`. A measure whose server does not answer skips its PostgreSQL part with a note.
 */
import { createConnection } from "node:net"

/** Where the server is expected. */
export const pgHost = "127.0.0.1:5432"

/** The connection URL (trust auth, user postgres, database test). */
export const pgUrl = "postgres://postgres@127.0.0.1:5432/test"

/** Whether something answers on 127.0.0.1:5432. */
export const pgAnswers = (): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port: 5432, timeout: 500 })
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("error", () => resolve(false))
    socket.once("timeout", () => (socket.destroy(), resolve(false)))
  })

import type { Namespace, Server, Socket } from 'socket.io';
import type { ClientToServerEvents, InterServerEvents, ServerToClientWireEvents, SocketData } from '../../../shared/contracts/live.js';

/** The typed Socket.IO server the live hub runs on. */
export type LiveServer = Server<ClientToServerEvents, ServerToClientWireEvents, InterServerEvents, SocketData>;
/** The `/live` namespace. */
export type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientWireEvents, InterServerEvents, SocketData>;
/** One connected client of `/live`. */
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientWireEvents, InterServerEvents, SocketData>;

/** The pino methods the hub uses; any pino logger fits. */
export interface LiveLogger {
  debug(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

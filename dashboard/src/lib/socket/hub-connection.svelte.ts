import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@tareks/schemas';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

/** The single socket.io connection to the hub (same origin, path `/socket.io`) and its status. */
class HubConnection {
  status = $state<ConnectionStatus>('connecting');
  readonly socket: HubSocket;

  constructor() {
    // WebSocket only: no long-polling, and no sticky sessions needed when the hub runs many api processes.
    this.socket = io({ transports: ['websocket'] });
    this.socket.on('connect', () => {
      this.status = 'connected';
      this.socket.emit('subscribe.v1', {});
    });
    this.socket.on('disconnect', (reason) => {
      this.status = 'disconnected';
      // The client retries by itself except when the server closed the socket on purpose.
      if (reason === 'io server disconnect') this.socket.connect();
    });
    this.socket.on('connect_error', () => {
      this.status = 'disconnected';
    });
    this.socket.io.on('reconnect_attempt', () => {
      this.status = 'connecting';
    });
  }
}

let connection: HubConnection | undefined;

/** Opens the connection on first use; every page shares it. */
export function hubConnection(): HubConnection {
  connection ??= new HubConnection();
  return connection;
}

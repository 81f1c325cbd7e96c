// Messages for the launchers (demo/start.ts, demo/shop/main.ts) when a server
// cannot start: say which port, which variable to set, or what to do.

export function portFromEnv(variable: string, fallback: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${variable} must be a port number (0-65535), got "${raw}".`);
    process.exit(1);
  }
  return port;
}

export function describeListenError(error: unknown, variable: string, port: number): string {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return `port ${port} is in use: stop the other process or set ${variable} (e.g. ${variable}=${port + 1}).`;
  if (code === 'EACCES') return `port ${port} needs privileges: choose a port above 1023 with ${variable}.`;
  return `could not start (${variable}=${port}): ${error instanceof Error ? error.message : String(error)}`;
}

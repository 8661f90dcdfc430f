import { ConfigError } from '@boissipay/runtime';
import { startBackoffice } from './service';

// Drains on SIGTERM/SIGINT as the other services do; a configuration error names the variables to fix.
startBackoffice().then(
  (backoffice) => {
    let stopping = false;
    const shutdown = () => {
      if (stopping) return;
      stopping = true;
      backoffice.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGTERM', shutdown);
    process.on('SIGINT', shutdown);
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`backoffice: ${error.message}`);
    else console.error('backoffice failed to start:', error);
    process.exit(1);
  },
);

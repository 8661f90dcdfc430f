# syntax=docker/dockerfile:1
#
# One image per service, built from the whole workspace. SERVICE is the service's folder and
# SERVICE_PORT the port it listens on (the one README.md and docker-compose.yml use):
#
#   docker build --build-arg SERVICE=billing-service --build-arg SERVICE_PORT=8181 \
#     -t boissipay/billing-service .
#
# The services run their TypeScript sources through tsx, exactly as in development: there is
# no compile step, so the image holds the sources, the specs they serve and validate against,
# their migrations (applied by the service itself at start-up) and the production
# dependencies only.

ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# ---------------------------------------------------------------------------------------------
# The manifests alone: the dependency layers below are rebuilt when a manifest or the lock file
# changes, not on every source edit. Every npm workspace must be listed here (a test checks it).
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
ENV npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
COPY package.json package-lock.json ./
COPY packages/contracts/package.json packages/contracts/
COPY packages/einvoice/package.json packages/einvoice/
COPY packages/money/package.json packages/money/
COPY packages/runtime/package.json packages/runtime/
COPY contract-service/package.json contract-service/
COPY billing-service/package.json billing-service/
COPY payment-service/package.json payment-service/
COPY invoice-mailer/package.json invoice-mailer/
COPY backoffice/package.json backoffice/

# ---------------------------------------------------------------------------------------------
# Production dependencies, straight from the lock file. --ignore-scripts: no dependency needs an
# install script to work, and the root `prepare` (code generation) is done in the build stage.
FROM manifests AS prod-deps
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts
RUN test -f node_modules/tsx/package.json || { \
      echo 'tsx runs the services in the image: it must be a "dependencies" entry of package.json, not a devDependency' >&2; \
      exit 1; }

# ---------------------------------------------------------------------------------------------
# Everything, to regenerate the types and Avro schemas from specs/: the image is built from the
# specs it ships, whatever the state of the committed generated files.
FROM manifests AS build
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts
COPY . .
RUN npm run generate

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG SERVICE_PORT
RUN test -n "${SERVICE}" && test -n "${SERVICE_PORT}" || { \
      echo 'build with --build-arg SERVICE=<service folder> --build-arg SERVICE_PORT=<its port>' >&2; \
      exit 1; } \
    # The mailer prints Chinese, Japanese and Korean names on its PDFs with this font (invoice-fonts.ts).
    && if [ "${SERVICE}" = invoice-mailer ]; then \
         apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei && rm -rf /var/lib/apt/lists/*; \
       fi \
    # Nothing installs anything at run time: fewer tools, fewer advisories to triage.
    && rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
              /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack

LABEL org.opencontainers.image.title="boissipay-${SERVICE}" \
      org.opencontainers.image.description="Boissipay ${SERVICE}" \
      org.opencontainers.image.licenses="MIT"

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=${SERVICE_PORT} \
    BOISSIPAY_SERVICE=${SERVICE}

WORKDIR /app
# Production node_modules (with the workspace links) and every workspace manifest.
COPY --from=prod-deps /app ./
COPY --from=build /app/tsconfig.json ./
COPY --from=build /app/packages ./packages
COPY --from=build /app/specs ./specs
COPY --from=build /app/${SERVICE} ./${SERVICE}
# Lets an operator mint a token with the stack's own secret:
#   docker compose exec contract-service node --import tsx /app/scripts/token.ts contracts:read
COPY --from=build /app/scripts/token.ts ./scripts/token.ts

# Root owns the files, the service only reads them.
USER node
WORKDIR /app/${SERVICE}
EXPOSE ${SERVICE_PORT}
STOPSIGNAL SIGTERM

# Ready = the database and Kafka answer (GET /health/ready); the service migrates its database
# and creates its topics before it listens, hence the start period.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health/ready',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# node itself is PID 1 and receives SIGTERM: the service drains HTTP, consumers and the outbox
# relay before it exits. kafkajs 2.2 arms timers with negative delays, which Node 24 reports
# as a TimeoutNegativeWarning on every request; the delay is clamped to 1 ms as before. The
# OpenTelemetry instrumentations are registered before main.ts requires what they patch
# (http, express, pg, kafkajs; ADR 0016).
CMD ["node", "--disable-warning=TimeoutNegativeWarning", "--import", "tsx", "--import", "/app/packages/runtime/src/tracing/instrument.ts", "src/main.ts"]

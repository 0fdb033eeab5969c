# One image for every role; the command picks it (see README "Deploy"):
#   api         node services/api/dist/main.js   (default)
#   dispatcher  node services/dispatcher/dist/main.js
#   migrate     node libs/db/dist/migrate-cli.js
# node runs as PID 1 and handles SIGTERM itself: never start a role through `npm run`.
# Needs BuildKit for the npm cache mounts: the default builder since Docker 23, DOCKER_BUILDKIT=1 before.

# The workspace manifests and the lock file: all that either install below reads.
FROM node:22-bookworm-slim AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/core/package.json libs/core/
COPY libs/config/package.json libs/config/
COPY libs/observability/package.json libs/observability/
COPY libs/db/package.json libs/db/
COPY libs/messaging/package.json libs/messaging/
COPY libs/testing/package.json libs/testing/
COPY services/api/package.json services/api/
COPY services/dispatcher/package.json services/dispatcher/
COPY services/dashboard/package.json services/dashboard/
COPY libs/sdk/package.json libs/sdk/

# Compiles the services and the libraries they use, with the dev dependencies (TypeScript, type packages), and bundles
# the web dashboard (Vite; it reads the SDK's generated API types). The SDK itself is a package of its own, not part
# of the image, and the dashboard needs nothing at run time but its bundle.
FROM manifests AS build
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY libs libs
COPY services services
RUN npm run build:services

# The runtime dependencies only, installed from the same lock file.
FROM manifests AS production-dependencies
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# Manifests, compiled code and production node_modules, owned by root and read-only to the service user.
FROM node:22-bookworm-slim AS runtime
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="hook0-ts" \
      org.opencontainers.image.description="Webhooks as a service, Hook0 API v1 compatible: API, dispatcher and migrations in one image" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.source="https://github.com/hook0-ts/hook0-ts" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.base.name="docker.io/library/node:22-bookworm-slim"
ENV NODE_ENV=production
WORKDIR /app
COPY --from=production-dependencies /app/package.json /app/package-lock.json ./
COPY --from=production-dependencies /app/node_modules node_modules
COPY --from=production-dependencies /app/libs libs
COPY --from=production-dependencies /app/services services
COPY --from=build /app/libs/core/dist libs/core/dist
COPY --from=build /app/libs/config/dist libs/config/dist
COPY --from=build /app/libs/observability/dist libs/observability/dist
COPY --from=build /app/libs/db/dist libs/db/dist
COPY --from=build /app/libs/messaging/dist libs/messaging/dist
COPY --from=build /app/services/api/dist services/api/dist
COPY --from=build /app/services/dispatcher/dist services/dispatcher/dist
COPY --from=build /app/services/dashboard/dist services/dashboard/dist
USER 10001:10001
EXPOSE 8081 9464 9465
CMD ["node", "services/api/dist/main.js"]

# syntax=docker/dockerfile:1
#
# Production image: `docker build -t boardcms .` (see docs/deployment.md).
# The node:24 image provides Node, so install scripts are skipped: the `node`
# npm package (a dev dependency) would fetch a second Node, and bcrypt and
# better-sqlite3 load their bundled prebuilt binaries without them.

FROM node:24-bookworm-slim AS base
WORKDIR /app

# Every dependency: the TypeScript build needs the dev tools. Plugin packages are npm
# workspaces (packages/*): their links resolve once `COPY . .` brings the folders.
FROM base AS deps
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

# `node ace build` compiles to build/ with its own package.json and lock file.
FROM deps AS build
COPY . .
RUN node ace build

# Production dependencies only; the compiled plugin packages are the workspaces npm links.
FROM base AS production-deps
COPY --from=build /app/build/package.json /app/build/package-lock.json ./
COPY --from=build /app/build/packages ./packages
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM base AS production
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3333 \
    LOG_LEVEL=info \
    TZ=UTC
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/build ./
COPY ops/docker-entrypoint.sh /usr/local/bin/boardcms-entrypoint
# The code stays owned by root (read-only for the app); only tmp/ (SQLite) is writable.
RUN chmod 0755 /usr/local/bin/boardcms-entrypoint && mkdir -p tmp && chown node:node tmp
USER node
EXPOSE 3333
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["boardcms-entrypoint"]
# The same V8 flags as `npm run start:prod` (docs/performance.md, "Memory").
CMD ["node", "--max-semi-space-size=4", "--max-old-space-size=256", "--no-concurrent-recompilation", "bin/server.js"]

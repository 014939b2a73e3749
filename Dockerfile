# One image for every role; the command picks the role (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json tsconfig.test-base.json ./
COPY packages/core/package.json packages/core/
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/scheduler/package.json apps/scheduler/
COPY apps/all-in-one/package.json apps/all-in-one/
COPY apps/web/package.json apps/web/
RUN npm ci
COPY packages packages
COPY apps apps
# The build configs (tsconfig.build.json) leave tests and test helpers out of dist/; the
# dashboard builds to static files in apps/web/dist, which the API serves.
RUN npm run build && npm prune --omit=dev

# What runs: production dependencies, the workspaces' package.json and dist/, migrations.
# No sources, no tests.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/packages/core/package.json packages/core/
COPY --from=build /app/packages/core/dist packages/core/dist
COPY --from=build /app/apps/api/package.json apps/api/
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/worker/package.json apps/worker/
COPY --from=build /app/apps/worker/dist apps/worker/dist
COPY --from=build /app/apps/scheduler/package.json apps/scheduler/
COPY --from=build /app/apps/scheduler/dist apps/scheduler/dist
COPY --from=build /app/apps/all-in-one/package.json apps/all-in-one/
COPY --from=build /app/apps/all-in-one/dist apps/all-in-one/dist
COPY --from=build /app/apps/web/package.json apps/web/
COPY --from=build /app/apps/web/dist apps/web/dist
COPY migrations migrations
USER node
EXPOSE 3001
CMD ["node", "apps/api/dist/main.js"]

# One image for the api, the worker and the migrate job (docker-compose.yml picks the command).
# Built on a current LTS Node; the project itself supports Node >= 20.19.
FROM node:22.21-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# Compile once: dist/ holds plain JavaScript and the prebuilt workflow bundle (npm run build),
# so no container transpiles TypeScript or runs webpack at start.
RUN PRISMA_SCHEMA_ENGINE_BINARY=/usr/local/bin/node node node_modules/prisma/build/index.js generate \
 && npx tsc --noEmit \
 && node scripts/build.mjs

FROM node:22.21-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
RUN npm prune --omit=dev --no-audit --no-fund || true
USER node
EXPOSE 3000
CMD ["node", "dist/api/server.js"]

# Worktable server + client in one image. Build: docker build -t worktable .
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
COPY tests/package.json tests/
RUN npm ci --workspace @worktable/server --workspace @worktable/client --workspace @worktable/shared --include-workspace-root
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV HOST=0.0.0.0 PORT=8080 DATA_DIR=/data NODE_ENV=production
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
EXPOSE 8080
USER node
CMD ["node", "--enable-source-maps", "--expose-gc", "server/dist/main.mjs"]

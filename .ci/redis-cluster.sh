#!/usr/bin/env bash
# A throwaway Redis Cluster on loopback: three primaries, three replicas, for the tests and the benchmark.
#
#   .ci/redis-cluster.sh start DIR   starts it (pid, log and nodes files in DIR) and prints one line, the
#                                    comma-separated redis://127.0.0.1:PORT of all six nodes (the seed list)
#   .ci/redis-cluster.sh stop DIR    kills its nodes and removes DIR
#
# Ports are chosen free, together with their cluster bus port (PORT + 10000), so it never meets another Redis.
set -euo pipefail

nodes=6

free_ports() {
  python3 - "$nodes" <<'EOF'
import random, socket, sys
def free(port):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False
wanted, found = int(sys.argv[1]), []
for port in random.sample(range(20000, 30000), 2000):
    if free(port) and free(port + 10000):
        found.append(port)
        if len(found) == wanted:
            break
print(" ".join(map(str, found)))
EOF
}

# Every node agrees the cluster is whole, and every replica has its primary's data flowing.
settled() {
  local port info
  for port in "$@"; do
    info=$(redis-cli -p "$port" cluster info 2>/dev/null) || return 1
    grep -q '^cluster_state:ok' <<<"$info" || return 1
    info=$(redis-cli -p "$port" info replication 2>/dev/null) || return 1
    if grep -q '^role:slave' <<<"$info"; then
      grep -q '^master_link_status:up' <<<"$info" || return 1
    fi
  done
}

start() {
  local dir=$1 port seeds=() addresses=()
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  read -r -a ports <<<"$(free_ports)"
  [ "${#ports[@]}" -eq "$nodes" ] || { echo "no $nodes free port pairs on 127.0.0.1" >&2; exit 1; }
  for port in "${ports[@]}"; do
    redis-server --port "$port" --bind 127.0.0.1 --cluster-enabled yes --cluster-node-timeout 2000 \
      --cluster-config-file "$dir/nodes-$port.conf" --save "" --appendonly no --dir "$dir" --daemonize yes \
      --pidfile "$dir/redis-$port.pid" --logfile "$dir/redis-$port.log"
    addresses+=("127.0.0.1:$port")
    seeds+=("redis://127.0.0.1:$port")
  done
  for port in "${ports[@]}"; do
    for _ in $(seq 100); do
      redis-cli -p "$port" ping >/dev/null 2>&1 && break
      sleep 0.1
    done
  done
  # the first three become primaries, each of the last three a replica of one of them
  redis-cli --cluster create "${addresses[@]}" --cluster-replicas 1 --cluster-yes >"$dir/create.log" 2>&1 \
    || { cat "$dir/create.log" >&2; exit 1; }
  for _ in $(seq 300); do
    if settled "${ports[@]}"; then
      (IFS=,; echo "${seeds[*]}")
      return 0
    fi
    sleep 0.2
  done
  echo "the cluster in $dir did not settle within 60 s" >&2
  exit 1
}

stop() {
  local dir=$1 pidfile pid
  [ -d "$dir" ] || return 0
  for pidfile in "$dir"/redis-*.pid; do
    [ -e "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$dir"
}

case "${1:-}" in
  start) [ $# -eq 2 ] || { echo "usage: $0 start DIR" >&2; exit 2; }; start "$2" ;;
  stop) [ $# -eq 2 ] || { echo "usage: $0 stop DIR" >&2; exit 2; }; stop "$2" ;;
  *) echo "usage: $0 start DIR | stop DIR" >&2; exit 2 ;;
esac

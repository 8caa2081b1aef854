# Shared by the benchmark scripts: a dedicated infrastructure and service, a load generator and pgbench.
# Expects ROOT, DATA, PG_PORT, KAFKA_PORT, CONCURRENCY, SECONDS_PER_RUN to be set.
CP="deploy/local-runner/target/classes:deploy/local-runner/target/lib/*"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

find_pg_tools() {
  PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1 || true)
  if [[ -z $PGBENCH ]]; then
    echo "installing pgbench (Debian postgresql-15) ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
    PGBENCH=$(ls /usr/lib/postgresql/*/bin/pgbench | tail -1)
  fi
  PSQL=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | tail -1)
}

start_infra() {
  [[ -f issues-service/target/quarkus-app/quarkus-run.jar && -d deploy/local-runner/target/lib ]] \
    || mvn -B -q -DskipTests install
  rm -rf "$DATA"; mkdir -p "$DATA/logs"
  # PG_SETTINGS: server settings for this benchmark, e.g. "shared_buffers=2GB" (a database server sized to its tables)
  local settings=()
  for s in ${PG_SETTINGS:-}; do settings+=(--pg-setting "$s"); done
  java -Xmx512m -cp "$CP" cn.hanzhong.rectification.deploy.LocalInfra --data "$DATA" \
    --pg-port "$PG_PORT" --kafka-port "$KAFKA_PORT" "${settings[@]}" > "$DATA/logs/infra.log" 2>&1 &
  pids+=($!)
  until [[ -f $DATA/infra.env ]]; do sleep 0.5; done
  # shellcheck disable=SC1091
  source "$DATA/infra.env"
  export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGPASSWORD=postgres
}

# start_service NAME PORT DATABASE [ENV=VALUE ...]
start_service() {
  local name=$1 port=$2 db=$3; shift 3
  env "$@" QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$((port + 1000))" QUARKUS_DATASOURCE_JDBC_URL="$PG_URL/$db" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=postgres KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$JWT_PUBLIC_KEY" \
    java ${SERVICE_JAVA_OPTS:--Xmx768m} -jar "$name/target/quarkus-app/quarkus-run.jar" > "$DATA/logs/$name.log" 2>&1 &
  pids+=($!)
  until curl -fsS -o /dev/null "http://127.0.0.1:$((port + 1000))/q/health/ready" 2>/dev/null; do sleep 0.5; done
}

token() {
  java -cp "$CP" cn.hanzhong.rectification.deploy.MintToken --data "$DATA" "$@"
}

http_bench() {
  java -cp "$CP" cn.hanzhong.rectification.deploy.HttpBench --concurrency "$CONCURRENCY" --seconds "$SECONDS_PER_RUN" "$@"
}

# pg_bench LABEL FILE: pgbench with per-transaction logging, reporting tps, p50 and p99
pg_bench() {
  local label=$1 file=$2 out tps n p50 p99
  rm -f "$DATA"/pgbench_log.*
  out=$(cd "$DATA" && "$PGBENCH" -n -c "$CONCURRENCY" -j 2 -T "$SECONDS_PER_RUN" -l -f "$ROOT/$file" 2>&1)
  tps=$(grep -oE 'tps = [0-9.]+' <<< "$out" | head -1 | cut -d' ' -f3)
  cat "$DATA"/pgbench_log.* | awk '{print $3}' | sort -n > "$DATA/lat.txt"
  n=$(wc -l < "$DATA/lat.txt")
  p50=$(awk -v n="$n" 'NR==int(n*0.50+0.999){printf "%.2f", $1/1000}' "$DATA/lat.txt")
  p99=$(awk -v n="$n" 'NR==int(n*0.99+0.999){printf "%.2f", $1/1000}' "$DATA/lat.txt")
  printf "%-28s transactions %6d  %8.1f tps    p50 %7s ms  p99 %7s ms\n" "$label" "$n" "$tps" "$p50" "$p99"
}

urlencode() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "$1"; }

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

# http_bench [--token T] [--label L] (--url U | --urls FILE): CONCURRENCY closed-loop clients for SECONDS_PER_RUN after
# a 3 s warm-up, printing requests, errors, req/s, p50, p99 and max. wrk (C, one thread) is the load generator when
# it is there or can be installed: on 2 cores the JVM-based HttpBench took a quarter of the machine from the service
# it measured (45 % CPU at 90 req/s), wrk a few per cent. HTTP_BENCH=java keeps HttpBench.
http_bench() {
  if [[ ${HTTP_BENCH:-wrk} == wrk ]] && find_wrk; then wrk_bench "$@"; return; fi
  java -cp "$CP" cn.hanzhong.rectification.deploy.HttpBench --concurrency "$CONCURRENCY" --seconds "$SECONDS_PER_RUN" "$@"
}

find_wrk() {
  command -v wrk > /dev/null && return 0
  [[ -n ${WRK_TRIED:-} ]] && return 1
  WRK_TRIED=1
  echo "installing wrk (Debian) ..." >&2
  { apt-get install -y -qq wrk || { apt-get update -qq && apt-get install -y -qq wrk; }; } > /dev/null 2>&1
  command -v wrk > /dev/null
}

wrk_bench() {
  local token="" label="GET" url="" urls="" args out
  while [[ $# -gt 0 ]]; do
    case $1 in
      --token) token=$2; shift 2 ;;
      --label) label=$2; shift 2 ;;
      --url) url=$2; shift 2 ;;
      --urls) urls=$2; shift 2 ;;
      *) echo "http_bench: unknown argument $1" >&2; return 2 ;;
    esac
  done
  args=(-t1 -c"$CONCURRENCY")
  [[ -n $token ]] && args+=(-H "Authorization: Bearer $token")
  if [[ -n $urls ]]; then
    url=$(head -1 "$urls" | grep -oE '^https?://[^/]+')/
    args+=(-s "$ROOT/deploy/bench/wrk-urls.lua")
  fi
  wrk "${args[@]}" -d3s "$url" ${urls:+-- "$urls"} > /dev/null
  out=$(wrk "${args[@]}" -d"${SECONDS_PER_RUN}s" --latency "$url" ${urls:+-- "$urls"})
  awk -v label="$label" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +Latency +[0-9]/ { max = ms($4) }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    / requests in / { n = $1 } /Non-2xx/ { errors += $NF }
    /Socket errors/ { for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) errors += $i + 0 }
    /^Requests\/sec/ { rps = $2 }
    END { printf "%-28s requests %7d  errors %d  %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n",
          label, n, errors, rps, p50, p99, max }' <<< "$out"
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

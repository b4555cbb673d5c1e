#!/usr/bin/env bash
# The tests' PostgreSQL pass needs a server it may create databases on (TEST_POSTGRES_URL, by
# default postgres://postgres:postgres@127.0.0.1:5432/postgres) and nginx for the scale-out tests.
# Where we run as root on Debian, missing pieces are installed and started (as .ci/run does);
# otherwise this says exactly what is missing.
set -euo pipefail
url=${TEST_POSTGRES_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}
root=$([[ $(id -u) == 0 ]] && command -v apt-get >/dev/null && echo yes || echo no)

if ! command -v psql >/dev/null || ! psql "$url" -X -q -c 'select 1' >/dev/null 2>&1; then
  if [[ $root == yes && -z ${TEST_POSTGRES_URL:-} ]]; then
    echo "PostgreSQL is not answering at $url: installing and starting Debian's postgresql for the tests."
    command -v pg_ctlcluster >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
    cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
    # shellcheck disable=SC2086
    pg_ctlcluster $cluster start 2>/dev/null || true
    su postgres -c "psql -X -q -c \"alter user postgres password 'postgres'\"" >/dev/null
  fi
  if ! psql "$url" -X -q -c 'select 1' >/dev/null 2>&1; then
    cat >&2 <<MSG
The tests' PostgreSQL pass cannot reach a server at $url.
Start PostgreSQL (Debian: sudo apt-get install -y postgresql), or set TEST_POSTGRES_URL to an
account that may create databases, such as postgres://user:password@host:5432/postgres.
MSG
    exit 1
  fi
fi

if ! command -v nginx >/dev/null; then
  if [[ $root == yes ]]; then
    echo "No nginx found: installing Debian's nginx for the scale-out tests."
    apt-get update -qq && apt-get install -y -qq nginx >/dev/null
  else
    echo "The scale-out tests run nginx in front of three processes. Install it: sudo apt-get install -y nginx" >&2
    exit 1
  fi
fi

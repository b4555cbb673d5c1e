#!/usr/bin/env bash
# The browser tests drive Debian's Chromium; Playwright's own browser download cannot work here.
# Finds it, installs it where we run as root with apt, or says exactly what to install.
set -euo pipefail
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [[ -n $candidate && -x $candidate ]]; then exit 0; fi
done
if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  echo "No Chromium found: installing Debian's chromium package for the browser tests."
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  exit 0
fi
cat >&2 <<'MSG'
No Chromium found for the browser tests. Install Debian's package:
    sudo apt-get install -y chromium
or point CHROMIUM_PATH at a Chromium or Chrome binary.
MSG
exit 1

#!/usr/bin/env bash
# The browser tests drive Debian's Chromium headless shell (e2e/support/chromium.ts), or its full
# Chromium; Playwright's own browser download cannot work here. Finds one, installs the shell where
# we run as root with apt, or says exactly what to install.
set -euo pipefail
if [[ -n ${CHROMIUM_PATH:-} && -x $CHROMIUM_PATH ]]; then exit 0; fi
if [[ -x /usr/bin/chromium-headless-shell ]]; then exit 0; fi
if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  echo "No Chromium headless shell found: installing Debian's chromium-headless-shell for the browser tests."
  apt-get update -qq && apt-get install -y -qq chromium-headless-shell >/dev/null
  exit 0
fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [[ -x $candidate ]]; then exit 0; fi
done
cat >&2 <<'MSG'
No Chromium found for the browser tests. Install Debian's package:
    sudo apt-get install -y chromium-headless-shell
or point CHROMIUM_PATH at a Chromium or Chrome binary.
MSG
exit 1

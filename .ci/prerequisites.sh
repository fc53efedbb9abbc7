#!/usr/bin/env bash
# The programs the test suite starts besides Java, each with the file that shows it is installed and
# the Debian package that installs it. One list for README's test command (./test.sh, which installs
# what is missing) and for `mvn verify` (which only checks, in its first seconds, and names what is missing).
#   --check    exit 1 naming what is missing and the command that installs it
#   --install  apt-get install what is missing (as root, or through sudo)
set -euo pipefail
mode=${1:---check}

# file|package|what uses it
required=(
  "/usr/bin/locust|python3-locust|the Django system's original Locust script (OriginalLocustScenarioTest)"
  "/usr/bin/chromium|chromium|the staff console's browser tests"
  "/usr/bin/chromedriver|chromium-driver|the staff console's browser tests"
  "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf|fonts-ipafont-gothic|Japanese glyphs in the console's screenshots"
  "/usr/sbin/haproxy|haproxy|three instances behind a load balancer (ScaleOutTest)"
  "/usr/lib/postgresql/*/bin/pg_ctl|postgresql|the shared PostgreSQL of the multi-instance tests"
)

missing_packages=()
missing_lines=()
for entry in "${required[@]}"; do
  IFS='|' read -r file package why <<<"$entry"
  # shellcheck disable=SC2086 # the glob in the path is meant
  if ! ls $file >/dev/null 2>&1; then
    missing_packages+=("$package")
    missing_lines+=("  $package ($why)")
  fi
done
# moto's server comes with the machine image (PyPI is not reachable here), so it is only checked.
moto_missing=false
command -v moto_server >/dev/null 2>&1 || moto_missing=true

if [ "$mode" = "--install" ] && [ ${#missing_packages[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "installing ${missing_packages[*]} needs root or sudo" >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "installing the Debian packages the tests use: ${missing_packages[*]}"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_packages[@]}"
  exec "$0" --check
fi

if [ ${#missing_packages[@]} -gt 0 ] || [ "$moto_missing" = true ]; then
  {
    echo "The test suite needs programs that are not installed:"
    [ ${#missing_lines[@]} -gt 0 ] && printf '%s\n' "${missing_lines[@]}"
    [ "$moto_missing" = true ] && echo "  moto_server (moto's AWS stand-in, pip package moto[server]; not a Debian package)"
    if [ ${#missing_packages[@]} -gt 0 ]; then
      echo "Install them with README's test command, ./test.sh, or:"
      echo "  apt-get update && apt-get install -y ${missing_packages[*]}"
    fi
    echo "(mvn -Dprerequisites.skip ... skips this check; building without tests, -DskipTests, does not need it.)"
  } >&2
  exit 1
fi

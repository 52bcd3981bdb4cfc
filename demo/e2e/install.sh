#!/usr/bin/env bash
# Installs what the demo page's end-to-end tests need, where it is missing:
# Chromium and its driver (Debian packages), Node.js, and playwright-core
# (npm ci from the committed package-lock.json). No browser is downloaded
# from anywhere else: playwright-core drives the system's /usr/bin/chromium.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
pkgs=()
[ -x /usr/bin/chromium ] || pkgs+=(chromium chromium-driver)
command -v node >/dev/null || pkgs+=(nodejs)
command -v npm >/dev/null || pkgs+=(npm)
if [ ${#pkgs[@]} -gt 0 ]; then
	echo "installing ${pkgs[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${pkgs[@]}" >/dev/null
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
	(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

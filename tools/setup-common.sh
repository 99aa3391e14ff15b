# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by tools/run, tools/test and tools/screenshot: install what the build needs on a
# Debian 12 machine, then configure and compile a build folder. Sourced, not run.

ALLY_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian packages the build, the tests and the tools need.
ALLY_PACKAGES=(
  build-essential pkg-config meson ninja-build gettext python3
  libgtk-4-dev libadwaita-1-dev libxml2-dev libsqlite3-dev libjson-glib-dev libsodium-dev
  desktop-file-utils appstream libxml2-utils
  xvfb xauth dbus dbus-x11 adwaita-icon-theme fonts-cantarell
  clang libclang-rt-14-dev
)

ally_missing_packages () {
  local missing=()
  for pkg in "${ALLY_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  echo "${missing[@]}"
}

ally_install_packages () {
  local missing
  missing=$(ally_missing_packages)
  [ -z "$missing" ] && return 0

  echo "Installing missing packages: $missing"
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get)
  if [ "$(id -u)" -eq 0 ]; then
    "${apt[@]}" update -qq && "${apt[@]}" install -y -qq $missing >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo "${apt[@]}" update -qq && sudo "${apt[@]}" install -y -qq $missing >/dev/null
  else
    echo "Allyship needs these Debian packages. Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install $missing" >&2
    return 1
  fi
}

# ally_build DIR [MESON OPTIONS...]: configure DIR (or give an existing one the OPTIONS),
# then compile it.
ally_build () {
  local dir=$1
  shift
  if [ ! -f "$ALLY_TOP/$dir/build.ninja" ]; then
    meson setup "$ALLY_TOP/$dir" "$ALLY_TOP" "$@" >/dev/null || return 1
  elif [ $# -gt 0 ]; then
    meson configure "$ALLY_TOP/$dir" "$@" >/dev/null || return 1
  fi
  meson compile -C "$ALLY_TOP/$dir" >/dev/null || meson compile -C "$ALLY_TOP/$dir" || return 1
}

# Runs a command under a virtual display when there is no display, and a private D-Bus.
ally_with_display () {
  local cmd=("$@")
  if command -v dbus-run-session >/dev/null; then
    cmd=(dbus-run-session -- "${cmd[@]}")
  fi
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    xvfb-run -a -s "-screen 0 1600x1200x24" "${cmd[@]}"
  else
    "${cmd[@]}"
  fi
}

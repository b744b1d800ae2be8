# Shared by scripts/run and scripts/test: install what is missing, then
# configure and build. Sourced, not executed.

DD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Every Debian bookworm package the build, the tests and the app need.
DD_APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 libgl-dev
  libspdlog-dev libfmt-dev catch2 zlib1g-dev
  postgresql fonts-noto-cjk poppler-utils xvfb xauth
)

dd_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

dd_install_packages() {
  local missing=() pkg
  for pkg in "${DD_APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    dd_log "all ${#DD_APT_PACKAGES[@]} apt packages present"
    return 0
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  dd_log "installing: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# dd_build BUILD_TYPE DIR: configure once (reused afterwards), then build.
dd_build() {
  local type=$1 dir=$2
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    dd_log "configuring $dir ($type)"
    cmake -S "$DD_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type"
  fi
  dd_log "building $dir"
  cmake --build "$dir" -j"$(nproc)"
}

# Shared by scripts/run and scripts/test: install what is missing, then
# configure and build. Sourced, not executed.

DD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Every Debian bookworm package the build, the tests and the app need.
DD_APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6opengl6-dev libgl-dev
  qt6-translations-l10n libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 qt6-qpa-plugins
  libspdlog-dev libfmt-dev catch2 zlib1g-dev
  postgresql fonts-noto-cjk poppler-utils xvfb xauth
  help2man desktop-file-utils appstream
)
# What scripts/package needs on top: dpkg-shlibdeps reads binaries with `file`;
# lintian checks the package.
DD_PACKAGING_PACKAGES=(file lintian)

dd_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# dd_install_packages [PACKAGE...]: installs those of the packages (default:
# DD_APT_PACKAGES) that are missing.
dd_install_packages() {
  local missing=() pkg wanted=("$@")
  [ ${#wanted[@]} -gt 0 ] || wanted=("${DD_APT_PACKAGES[@]}")
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    dd_log "all ${#wanted[@]} apt packages present"
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

# dd_timed LABEL COMMAND...: runs COMMAND and says how long it took, so an
# office (and CI's log) sees where the minutes go.
dd_timed() {
  local label=$1 start=$SECONDS status=0
  shift
  "$@" || status=$?
  dd_log "$label: $((SECONDS - start)) s$([ $status -eq 0 ] || echo ", FAILED (exit $status)")"
  return $status
}

# A build folder is usable only after a configure of *this* source tree ran to
# the end: the marker file is written last and removed before every configure,
# so a configure that failed or was interrupted is simply run again.
DD_CONFIGURED_MARKER=.donordesk-configured

# dd_needs_configure SOURCE DIR: true (0) unless DIR holds a complete configure of SOURCE.
dd_needs_configure() {
  local source=$1 dir=$2 home
  [ -f "$dir/$DD_CONFIGURED_MARKER" ] && [ -f "$dir/build.ninja" ] && [ -f "$dir/CMakeCache.txt" ] || return 0
  home=$(dd_cache_source "$dir")
  ! dd_same_dir "$home" "$source"
}

# The source tree a build folder's cache was configured for.
dd_cache_source() { sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$1/CMakeCache.txt"; }
dd_same_dir() { [ -n "$1" ] && [ -d "$1" ] && [ "$(realpath "$1")" = "$(realpath "$2")" ]; }

# dd_configure SOURCE DIR BUILD_TYPE [CMAKE ARGS...]
dd_configure() {
  local source=$1 dir=$2 type=$3 home
  shift 3
  mkdir -p "$dir"
  rm -f "$dir/$DD_CONFIGURED_MARKER"
  if [ -f "$dir/CMakeCache.txt" ]; then
    home=$(dd_cache_source "$dir")
    if ! dd_same_dir "$home" "$source"; then
      # Copied or moved from another checkout: CMake refuses such a cache.
      dd_log "$dir was configured for ${home:-another source tree}: starting it afresh"
      rm -rf "$dir"
      mkdir -p "$dir"
    else
      # A half-written cache can hold a failed lookup (e.g. Qt6Charts_DIR-NOTFOUND
      # before a package was installed); CMake's own state is redone, the
      # compiled objects are kept.
      rm -rf "$dir/CMakeCache.txt" "$dir/CMakeFiles"
    fi
  fi
  cmake -S "$source" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" &&
    touch "$dir/$DD_CONFIGURED_MARKER"
}

# dd_build BUILD_TYPE DIR [TARGET...] [-- CMAKE ARGS...]: configure when needed,
# then build TARGETs (all when none are named). DD_SOURCE overrides the source
# tree (the scripts' own tests use a small project).
dd_build() {
  local type=$1 dir=$2 source=${DD_SOURCE:-$DD_ROOT} targets=() names=() cmake_args=()
  shift 2
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do targets+=(--target "$1"); names+=("$1"); shift; done
  [ "${1:-}" != "--" ] || { shift; cmake_args=("$@"); }
  if dd_needs_configure "$source" "$dir"; then
    dd_timed "configure $dir ($type)" dd_configure "$source" "$dir" "$type" "${cmake_args[@]}" || return 1
  fi
  dd_timed "build $dir${names:+ (${names[*]})}" cmake --build "$dir" -j"$(nproc)" "${targets[@]}"
}

# Sourced by .ci/native and bench/run: builds the native executable target/*-runner with whatever this machine has.
#
# Where GraalVM or Mandrel is installed (native-image on the PATH) Quarkus builds the executable itself. Elsewhere
# the SubstrateVM image builder is run from a build script: NATIVE_IMAGE_BUILD names it, else it is looked for as
# shared/native-image/build.sh in a folder above this checkout or above the repository it was cloned from.

# The build script to use, or nothing when there is none.
parley_native_builder() {
  if [ -n "${NATIVE_IMAGE_BUILD:-}" ]; then
    echo "$NATIVE_IMAGE_BUILD"
    return
  fi
  local start dir
  for start in "$PWD" "$(git config --get remote.origin.url 2>/dev/null || true)"; do
    [ -d "$start" ] || continue
    dir=$(cd "$start" && pwd)
    while [ "$dir" != / ]; do
      dir=$(dirname "$dir")
      if [ -x "$dir/shared/native-image/build.sh" ]; then
        echo "$dir/shared/native-image/build.sh"
        return
      fi
    done
  done
}

# Whether this machine can build the executable at all.
parley_native_possible() {
  command -v native-image >/dev/null 2>&1 || [ -n "$(parley_native_builder)" ]
}

# Builds it; extra arguments go to Maven. Fails when parley_native_possible does not hold.
parley_native_build() {
  if command -v native-image >/dev/null 2>&1; then
    ./mvnw -B package -Dnative -DskipTests "$@"
  else
    local builder
    builder=$(parley_native_builder)
    [ -n "$builder" ] || return 1
    ./mvnw -B package -Dnative -Dquarkus.native.sources-only=true -DskipTests "$@"
    "$builder"
  fi
}

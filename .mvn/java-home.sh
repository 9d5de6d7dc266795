# Sourced (POSIX sh) by ./mvnw and bench/run before anything runs Java: Parley is built for Java 21, and machines
# often have an older default `java` with a newer JDK installed beside it. Keeps JAVA_HOME (or the `java` on PATH)
# when it is 21 or newer; otherwise exports JAVA_HOME as the newest JDK >= 21 found in MVNW_JDK_DIRS (default: the
# JVM folder holding the default java, then the usual install folders), and says so in one line. With none, one
# line says what to install, and the caller stops.
#
# Kept out of mvnw itself, which only sources it, so that a wrapper upgrade keeps one line to re-add.

parley_java_major() {
  # a JDK's `release` file names its version without starting a JVM; `java -version` is the fallback
  _release="$1/release"
  if [ -f "$_release" ]; then
    _version=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9.]*\).*/\1/p' "$_release")
  else
    _version=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9.]*\).*/\1/p' | head -n 1)
  fi
  case "$_version" in
  1.*) _version=${_version#1.} ;;
  esac
  printf '%s\n' "${_version%%.*}"
}

parley_is_jdk() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ]
}

parley_pick_jdk() {
  _best="" _best_major=0
  _saved_ifs=$IFS
  IFS=:
  for _dir in $1; do
    IFS=$_saved_ifs
    [ -d "$_dir" ] || continue
    for _home in $(ls -1 "$_dir" 2>/dev/null); do
      _home="$_dir/$_home"
      [ -d "$_home/Contents/Home" ] && _home="$_home/Contents/Home"
      parley_is_jdk "$_home" || continue
      _major=$(parley_java_major "$_home")
      case "$_major" in
      '' | *[!0-9]*) continue ;;
      esac
      if [ "$_major" -ge 21 ] && [ "$_major" -gt "$_best_major" ]; then
        _best=$_home _best_major=$_major
      fi
    done
  done
  IFS=$_saved_ifs
  printf '%s\n' "$_best"
}

parley_select_jdk() {
  if [ -n "${JAVA_HOME-}" ]; then
    _current=$JAVA_HOME
    _what="JAVA_HOME ($JAVA_HOME)"
  else
    _java=$(command -v java 2>/dev/null || true)
    _current=""
    [ -n "$_java" ] && _current=$(dirname "$(dirname "$(readlink -f "$_java")")")
    _what="the default java${_java:+ ($_java)}"
  fi
  _current_major=""
  if [ -n "$_current" ] && parley_is_jdk "$_current"; then
    _current_major=$(parley_java_major "$_current")
    case "$_current_major" in
    '' | *[!0-9]*) _current_major="" ;;
    esac
    if [ -n "$_current_major" ] && [ "$_current_major" -ge 21 ]; then
      return 0
    fi
  fi
  _dirs=${MVNW_JDK_DIRS-}
  if [ -z "$_dirs" ]; then
    [ -n "$_current" ] && _dirs=$(dirname "$_current"):
    _dirs="$_dirs/usr/lib/jvm:/usr/java:/opt/java:/opt:${HOME-}/.sdkman/candidates/java:${HOME-}/.jdks"
    _dirs="$_dirs:/Library/Java/JavaVirtualMachines"
  fi
  _found=$(parley_pick_jdk "$_dirs")
  _is="not a JDK"
  [ -n "$_current_major" ] && _is="Java $_current_major"
  if [ -z "$_found" ]; then
    echo "Parley needs a JDK 21 or newer and $_what is $_is: install one (e.g. apt-get install openjdk-21-jdk, or Temurin 21+) or set JAVA_HOME to it." >&2
    return 1
  fi
  echo "Using the JDK $(parley_java_major "$_found") at $_found: $_what is $_is, and Parley needs 21 or newer." >&2
  JAVA_HOME=$_found
  export JAVA_HOME
}

# Sourced by .ci/run and bench/run: exports JAVA_HOME as a JDK >= 21 (JAVA_HOME if it is one, else the newest in
# the folder that holds the default java), or stops with a clear message.

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    echo "$JAVA_HOME"; return
  fi
  local default_java jvm_root best="" best_major=0 home major
  default_java=$(readlink -f "$(command -v java)")
  jvm_root=$(dirname "$(dirname "$(dirname "$default_java")")")
  for home in "$jvm_root"/*/; do
    home=${home%/}
    [ -x "$home/bin/javac" ] || continue
    major=$(java_major "$home/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$home; best_major=$major
    fi
  done
  echo "$best"
}

JAVA_HOME=$(pick_jdk)
if [ -z "$JAVA_HOME" ]; then
  echo "Parley needs a JDK 21 or newer (none found in JAVA_HOME or beside $(readlink -f "$(command -v java)"))." >&2
  exit 1
fi
export JAVA_HOME
echo "Using JDK at $JAVA_HOME"

# Sourced by deploy/run and .ci/run: points JAVA_HOME at a JDK 21 or newer, or stops with what to do.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  found=""
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      if [ -z "$found" ] || [ "$major" -gt "$(java_major "$found")" ]; then found="$candidate"; fi
    fi
  done
  if [ -z "$found" ]; then
    echo "No JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm). Install one and set JAVA_HOME to it." >&2
    exit 1
  fi
  export JAVA_HOME="$found"
fi
export PATH="$JAVA_HOME/bin:$PATH"

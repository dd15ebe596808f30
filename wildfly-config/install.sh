#!/usr/bin/env bash
# Sets up an unpacked WildFly 39 for AInfo with the two CLI scripts beside this file, once (a marker file
# in WildFly's directory records which scripts were applied). Used by the container tests and the load benchmark; operators may
# run it too, or run the two scripts themselves (README, "Running on WildFly").
#   wildfly-config/install.sh WILDFLY_HOME ECLIPSELINK_JAR
set -euo pipefail
home=$(cd "$1" && pwd)
eclipselink=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
here=$(cd "$(dirname "$0")" && pwd)
marker="$home/.ainfo-configured"
scripts=$(cat "$here/eclipselink-module.cli" "$here/configure.cli" | sha256sum | cut -d' ' -f1)
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$scripts" ]; then
  echo "WildFly at $home is already set up for AInfo"
  exit 0
fi
if [ -f "$marker" ]; then
  echo "wildfly-config changed since $home was set up: unpack WildFly afresh (delete it) and run again" >&2
  exit 1
fi
jipijapa=$(ls "$home"/modules/system/layers/base/org/eclipse/persistence/main/jipijapa-eclipselink-*.jar)
"$home/bin/jboss-cli.sh" --file="$here/eclipselink-module.cli" \
    -Dainfo.eclipselink.jar="$eclipselink" -Dainfo.jipijapa.jar="$jipijapa"
"$home/bin/jboss-cli.sh" --file="$here/configure.cli" > "$home/.ainfo-configure.log"
echo "$scripts" > "$marker"
echo "WildFly at $home is set up for AInfo"

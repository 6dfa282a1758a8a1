#!/usr/bin/env bash
# Fails when a source file, test, bench or build script names a path outside the repository.
#
# `cargo test` must pass on a fresh clone with nothing beside it, so nothing the build or the
# tests read may live in `../shared`, a home folder or another absolute location. Looks for:
#   - a path that climbs out of the crate from CARGO_MANIFEST_DIR (`join("..")`, `"../…"`);
#   - the development checkout's neighbour `shared/` folder (`../shared`);
#   - absolute paths into this machine's folders (/work, /home, /root, /tmp/…ropa).
# Usage: scripts/check-repo-paths.sh [DIR...]   (default: src tests benches build.rs fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -eq 0 ]; then
  set -- src tests benches build.rs
  [ -d fuzz ] && set -- "$@" fuzz
fi

patterns=(
  '\.\./shared'
  'CARGO_MANIFEST_DIR[^;]*"\.\.'
  'CARGO_MANIFEST_DIR[^;]*join\("\.\./'
  '"/(work|home|root)/'
)
found=0
for pattern in "${patterns[@]}"; do
  # Symlinks made by tests inside a temporary register (tests/fmt.rs) are not reads of this
  # machine's files: those lines say `symlink(` and are skipped.
  if matches=$(grep -rnE --include='*.rs' --include='*.sh' --include='*.toml' "$pattern" "$@" \
      | grep -v 'symlink(' | grep -v 'check-repo-paths: allow'); then
    echo "$matches"
    found=1
  fi
done
if [ "$found" -ne 0 ]; then
  echo "error: the lines above read a path outside the repository." >&2
  echo "  help: copy what the test needs into tests/fixtures/ (with a line in its README saying where it came from)." >&2
  exit 1
fi
echo "ok: no source, test or bench reads a path outside the repository"

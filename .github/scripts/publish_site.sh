#!/usr/bin/env bash
# Puts a freshly built folder in place of the published one so that an interruption at any moment (Ctrl-C,
# a cancelled CI job, a full disk) never leaves no site (README: 发布与部署 / Publishing and deployment).
#
#   publish_site.sh recover DIR   first thing of `make site`, `make preview`, `make site-archive`: restore a
#                                 whole DIR from an interrupted run and remove its leftovers
#   publish_site.sh swap DIR      DIR.tmp, built completely, replaces DIR
#
# The invariants: DIR.old is only ever a whole DIR, renamed (rename is atomic); DIR.tmp is never published
# by a recovery (it may be half a build); DIR.old is removed only while DIR exists. So DIR missing with
# DIR.old present means an interrupted swap, and DIR.old is the whole site to restore.
#
# PUBLISH_INTERRUPT_AT=<step> (tests only: tests/test_atomic.py) makes the script send itself SIGINT at that
# step, as a Ctrl-C there would; the steps are the names passed to `step` below.
set -euo pipefail

step() {
  if [ "${PUBLISH_INTERRUPT_AT:-}" = "$1" ]; then
    echo "publish_site.sh: interrupted at $1 (PUBLISH_INTERRUPT_AT)" >&2
    kill -INT $$
    exit 130
  fi
}

# Remove a folder; the named step comes after its first entry is gone (an interrupted removal).
remove() {
  local folder=$1 name=$2 first
  if [ ! -e "$folder" ] && [ ! -L "$folder" ]; then return 0; fi
  first=$(find "$folder" -mindepth 1 -maxdepth 1 -print -quit 2>/dev/null || true)
  if [ -n "$first" ]; then rm -rf -- "$first"; fi
  step "$name"
  rm -rf -- "$folder"
}

# DIR missing and DIR.old present: a swap was interrupted between its two renames. Put the old DIR back.
restore() {
  local dir=$1
  if [ ! -d "$dir" ] && [ -d "$dir.old" ]; then
    mv -T -- "$dir.old" "$dir"
    echo "已恢复上次中断的发布之前的 $dir/ / restored $dir/ as it was before an interrupted publication" >&2
  fi
}

recover() {
  local dir=$1
  restore "$dir"
  step recover-restored
  remove "$dir.old" recover-removing-old # DIR is whole: DIR.old is what a finished swap had left
  remove "$dir.tmp" recover-removing-tmp # an interrupted build or swap: never published
}

swap() {
  local dir=$1
  if [ ! -d "$dir.tmp" ]; then
    echo "publish_site.sh: $dir.tmp/ 不存在，没有可发布的内容 / nothing to publish" >&2
    exit 1
  fi
  restore "$dir"
  remove "$dir.old" removing-stale
  step built
  if [ -d "$dir" ]; then mv -T -- "$dir" "$dir.old"; fi
  step moved-old
  mv -T -- "$dir.tmp" "$dir"
  step moved-new
  remove "$dir.old" removing-old
}

case "${1:-}/${2:-}" in
  recover/?*) recover "$2" ;;
  swap/?*) swap "$2" ;;
  *)
    echo "usage: publish_site.sh recover|swap DIR" >&2
    exit 2
    ;;
esac

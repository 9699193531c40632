#!/usr/bin/env bash
# Makes a small Debian base image with Python 3 and NumPy, offline from Docker Hub: debootstrap
# (minbase, bookworm) from the Debian mirror apt already uses, python3-numpy installed in a chroot,
# then `podman import` + `podman save` into a docker-save tar, the form `lockstep build --base
# tar:FILE` reads. The tar is cached: a second call with the same OUT returns at once.
#
#   scripts/make-test-base-image.sh [OUT]    (default ~/.cache/lockstep-test/bookworm-numpy.tar)
#
# Needs root (debootstrap, chroot), debootstrap and podman: scripts/ensure-container-tools.sh.
set -euo pipefail
out="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/lockstep-test/bookworm-numpy.tar}"
if [ -s "$out" ]; then
  echo "$out"
  exit 0
fi
mkdir -p "$(dirname "$out")"

# The mirror apt uses (deb822 .sources or a one-line sources.list), else deb.debian.org.
mirror=""
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] || continue
  mirror="$(awk '/^URIs:/ && $2 ~ /\/debian\/?$/ {print $2; exit}' "$f")"
  [ -n "$mirror" ] && break
done
if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
  mirror="$(awk '$1 == "deb" && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; exit}}' /etc/apt/sources.list)"
fi
mirror="${mirror:-http://deb.debian.org/debian}"

work="$(mktemp -d "$(dirname "$out")/build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
echo "make-test-base-image: debootstrap bookworm from $mirror into $rootfs (a few minutes)" >&2
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
cp /etc/resolv.conf "$rootfs/etc/resolv.conf" 2>/dev/null || true
chroot "$rootfs" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  python3-numpy >"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log" >&2; exit 1; }
chroot "$rootfs" apt-get clean
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/log/* "$rootfs"/tmp/* \
  "$rootfs/etc/resolv.conf"

tag="localhost/lockstep-test-base:bookworm-numpy"
tar --numeric-owner -C "$rootfs" -c . | podman import - "$tag" >/dev/null
podman save --format docker-archive -o "$work/image.tar" "$tag" >/dev/null
podman rmi "$tag" >/dev/null 2>&1 || true
mv "$work/image.tar" "$out"
echo "$out"

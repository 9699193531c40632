#!/usr/bin/env bash
# Installs what the container tests need (Debian packages, via apt-get update + install when any is
# missing): podman and runc to run the built images (podman's default crun fails on some hosts:
# the tests pass --runtime runc), skopeo and umoci to inspect and unpack them, debootstrap to make
# the offline Debian base image (scripts/make-test-base-image.sh), and docker-registry, the real
# OCI registry the push test starts on 127.0.0.1.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/ensure-debian-packages.sh" podman runc skopeo umoci debootstrap docker-registry

#!/bin/sh
# The students' server image, from Debian packages and this repository's wheel; no
# container registry. make classroom-image (as root) runs it:
#   1. the project's wheel and the wheels of everything it needs, pinned by
#      classroom/image/requirements.lock (pip's cache or PyPI),
#   2. a minimal Debian bookworm rootfs by mmdebstrap with the packages in
#      classroom/image/packages.txt (sorted), a venv in /opt/mnistlab/venv with the
#      wheels installed offline, the series in /opt/mnistlab, user jovyan (uid 1000),
#   3. podman import of the tarball as $IMAGE:$TAG with CMD/USER/ENV/EXPOSE.
# Deterministic options: --variant=apt, SOURCE_DATE_EPOCH (the last commit's time),
# the sorted package list, pinned Python wheels. The suite is not pinned to a snapshot,
# so a Debian point release changes the Debian packages.
# An image whose label org.mnistlab.content equals the hash of (this script, the
# package list, the lock, the wheel's contents, the series) is not built again
# (FORCE=1 builds anyway).
#
# Settings (environment): PY (the Python that builds the wheels: .venv/bin/python),
# IMAGE (localhost/mnistlab-classroom), TAG (the project's version),
# MIRROR (http://deb.debian.org/debian), WORK (build/classroom-image), FORCE,
# KEEP_ROOTFS (keep $WORK/rootfs.tar, e.g. to compare two builds byte for byte).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
PY=${PY:-$REPO/.venv/bin/python}
IMAGE=${IMAGE:-localhost/mnistlab-classroom}
TAG=${TAG:-$(sed -n 's/^version = "\(.*\)"/\1/p' "$REPO/pyproject.toml" | head -n 1)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
WORK=${WORK:-$REPO/build/classroom-image}
SUITE=bookworm

say() { echo "classroom-image: $*"; }
[ "$(id -u)" = 0 ] || { echo "이미지는 root 로 만듭니다 (mmdebstrap, podman): sudo make classroom-image"; exit 1; }
for tool in mmdebstrap podman; do
    command -v $tool >/dev/null 2>&1 || {
        echo "$tool 이 없습니다: apt-get install mmdebstrap podman runc uidmap"; exit 1; }
done

SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$REPO" log -1 --format=%ct 2>/dev/null || stat -c %Y "$HERE/packages.txt")}
export SOURCE_DATE_EPOCH
start=$(date +%s)

# 1. wheels -------------------------------------------------------------------
rm -rf "$WORK/wheels" "$WORK/series"
mkdir -p "$WORK/wheels" "$WORK/series/notebooks"
"$PY" -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir "$WORK/wheels" "$REPO" >"$WORK/wheel.log" 2>&1 \
    || { tail -n 30 "$WORK/wheel.log"; echo "mnistlab wheel 을 만들지 못했습니다"; exit 1; }
WHEEL=$(ls "$WORK"/wheels/mnistlab-*.whl)
"$PY" -m pip wheel --quiet --wheel-dir "$WORK/wheels" --constraint "$HERE/requirements.lock" \
    "$WHEEL" jupyterhub >>"$WORK/wheel.log" 2>&1 \
    || { tail -n 30 "$WORK/wheel.log"; echo "필요한 wheel 을 받지 못했습니다 (pip 캐시나 PyPI)"; exit 1; }
cp "$REPO"/notebooks/[0-9][0-9]_*.ipynb "$WORK/series/notebooks/"
cp "$REPO/classroom/hand_out.py" "$WORK/series/"

HASH=$("$PY" - "$HERE" "$WHEEL" "$WORK/series" <<'PYEOF'
import hashlib, sys, zipfile
from pathlib import Path
here, wheel, series = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
h = hashlib.sha256()
for name in ("build.sh", "packages.txt", "requirements.lock"):
    h.update(name.encode() + b"\0" + (here / name).read_bytes())
with zipfile.ZipFile(wheel) as z:           # contents, not the zip's timestamps
    for info in sorted(z.infolist(), key=lambda i: i.filename):
        h.update(info.filename.encode() + b"\0" + z.read(info))
for path in sorted(series.rglob("*")):
    if path.is_file():
        h.update(str(path.relative_to(series)).encode() + b"\0" + path.read_bytes())
print(h.hexdigest()[:16])
PYEOF
)
if [ -z "${FORCE:-}" ] && [ "$(podman image inspect --format '{{index .Labels "org.mnistlab.content"}}' "$IMAGE:$TAG" 2>/dev/null)" = "$HASH" ]; then
    say "$IMAGE:$TAG is up to date (content $HASH)"
    exit 0
fi

# 2. the rootfs ---------------------------------------------------------------
PACKAGES=$(LC_ALL=C sort -u "$HERE/packages.txt" | paste -sd, -)
# Commands in the rootfs see none of this machine's settings (PIP_*, proxies, locale).
IN="chroot \"\$1\" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH"
say "mmdebstrap $SUITE with $PACKAGES"
mmdebstrap --variant=apt --mode=root --format=tar --quiet \
    --include="$PACKAGES" \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --customize-hook='mkdir -p "$1/opt/mnistlab"' \
    --customize-hook="copy-in $WORK/wheels /tmp" \
    --customize-hook="copy-in $WORK/series/notebooks $WORK/series/hand_out.py /opt/mnistlab" \
    --customize-hook="$IN python3 -m venv /opt/mnistlab/venv" \
    --customize-hook="$IN /opt/mnistlab/venv/bin/pip install --quiet --no-index --no-cache-dir --disable-pip-version-check --find-links /tmp/wheels /tmp/wheels/$(basename "$WHEEL") jupyterhub" \
    --customize-hook="$IN /opt/mnistlab/venv/bin/pip uninstall --quiet --yes pip" \
    --customize-hook="$IN useradd --uid 1000 --user-group --create-home --shell /bin/bash jovyan" \
    --customize-hook='chmod -R a+rX,go-w "$1/opt/mnistlab"' \
    --customize-hook='rm -rf "$1/tmp/wheels" "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin' \
    "$SUITE" "$WORK/rootfs.tar" "$MIRROR"

# 3. the image ----------------------------------------------------------------
podman rmi --force "$IMAGE:$TAG" >/dev/null 2>&1 || true
podman import --quiet \
    --change 'ENTRYPOINT ["/usr/bin/tini", "-g", "--"]' \
    --change 'CMD ["jupyterhub-singleuser"]' \
    --change 'USER 1000' \
    --change 'WORKDIR /home/jovyan' \
    --change 'ENV PATH=/opt/mnistlab/venv/bin:/usr/local/bin:/usr/bin:/bin' \
    --change 'ENV HOME=/home/jovyan' \
    --change 'ENV USER=jovyan' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'ENV MNISTLAB_SERIES=/opt/mnistlab/notebooks' \
    --change 'EXPOSE 8888' \
    --change "LABEL org.mnistlab.content=$HASH" \
    --change "LABEL org.opencontainers.image.version=$TAG" \
    "$WORK/rootfs.tar" "$IMAGE:$TAG" >/dev/null
[ -n "${KEEP_ROOTFS:-}" ] || rm -f "$WORK/rootfs.tar"   # KEEP_ROOTFS=1: keep it (to compare two builds)
size=$(podman image inspect --format '{{.Size}}' "$IMAGE:$TAG")
say "$IMAGE:$TAG built in $(( $(date +%s) - start )) s, $(( size / 1000000 )) MB (content $HASH)"

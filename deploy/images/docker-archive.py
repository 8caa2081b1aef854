#!/usr/bin/env python3
"""Packs a root filesystem folder into a one-layer image tarball in `docker save` format.

    docker-archive.py ROOTFS OUT.tar NAME:TAG [KEY=VALUE ...]

The tarball is what Jib reads as a base image (`tar://OUT.tar`), and what `docker load` / `podman load`
take. KEY=VALUE pairs become the image's environment. Ownership is kept numerically, timestamps are set to
the epoch and entries are sorted, so the same folder gives the same layer digest. Standard library only: the
machines have python3 but no PyPI.
"""
import hashlib
import io
import json
import os
import sys
import tarfile


def layer(rootfs: str, out):
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for dirpath, dirnames, filenames in os.walk(rootfs):
            dirnames.sort()
            rel_dir = os.path.relpath(dirpath, rootfs)
            # The runtime mounts these; their contents are the build machine's.
            if rel_dir in ("proc", "sys", "dev"):
                dirnames[:] = []
                filenames = []
            # Symbolic links to folders (merged /usr: /bin, /lib, /lib64, /sbin) are listed with the folders
            # and not walked into: they are entries of their own.
            linked = [n for n in dirnames if os.path.islink(os.path.join(dirpath, n))]
            dirnames[:] = [n for n in dirnames if n not in linked]
            for name in sorted(filenames + linked) + ([] if rel_dir == "." else [None]):
                path = dirpath if name is None else os.path.join(dirpath, name)
                arc = os.path.normpath(os.path.relpath(path, rootfs))
                info = tar.gettarinfo(path, arcname=arc)
                if info is None:  # a socket: nothing an image carries
                    continue
                info.mtime = 0
                info.uname = info.gname = ""
                if info.isfile():
                    with open(path, "rb") as f:
                        tar.addfile(info, f)
                else:
                    tar.addfile(info)


class Digesting(io.RawIOBase):
    def __init__(self, sink):
        self.sink, self.sha, self.size = sink, hashlib.sha256(), 0

    def writable(self):
        return True

    def tell(self):
        return self.size

    def write(self, b):
        self.sha.update(b)
        self.size += len(b)
        return self.sink.write(b)


def main(rootfs, out_path, tag, *env):
    tmp_layer = out_path + ".layer.tmp"
    with open(tmp_layer, "wb") as raw:
        d = Digesting(raw)
        layer(rootfs, d)
    diff_id = "sha256:" + d.sha.hexdigest()
    config = {
        "architecture": "amd64",
        "os": "linux",
        "config": {"Env": list(env), "WorkingDir": "/", "Cmd": ["/bin/bash"]},
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
        "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "deploy/images/base (debootstrap)"}],
        "created": "1970-01-01T00:00:00Z",
    }
    config_bytes = json.dumps(config, sort_keys=True).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    layer_name = d.sha.hexdigest() + "/layer.tar"
    manifest = json.dumps([{"Config": config_name, "RepoTags": [tag], "Layers": [layer_name]}]).encode()
    with tarfile.open(out_path, "w") as tar:
        for name, data in ((config_name, config_bytes), ("manifest.json", manifest)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        tar.add(tmp_layer, arcname=layer_name)
    os.remove(tmp_layer)
    print(f"{out_path}: {tag}, layer {diff_id} ({d.size // (1 << 20)} MiB)")


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])

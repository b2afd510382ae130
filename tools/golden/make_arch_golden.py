#!/usr/bin/env python3
"""Generate the key lists that cyborg.model's architecture tests compare against,
and (optionally) check Java forward passes numerically against PyTorch.

For each architecture the golden file lists the network's state_dict in order,
one tensor per line: ``key<TAB>shape<TAB>param|buffer`` (shape comma-separated,
empty for scalars), after two header lines giving the source and the trainable
parameter count (sum of numel over model.parameters()).

- densenet121:  torchvision.models.densenet121(num_classes=2)
- inception_v3: torchvision.models.inception_v3(num_classes=2, aux_logits=False,
                init_weights=True)  (transform_input False)
- xception:     the common PyTorch port of Keras' Xception (tstandley, adapted by
                Cadene's pretrainedmodels), rebuilt below from the layout in
                docs/reference section 8, with the port's 2-way ``last_linear``.
                Reference checkpoints carry a ``model.`` prefix on every key;
                cyborg's names do not, so neither do these.

Usage (from the repository root):
    /usr/bin/python3 tools/golden/make_arch_golden.py \
        --out cyborg-core/src/test/resources/cyborg/model

    # numerical cross-check of Java outputs (maven in the repository root, then Python)
    mvn -o -pl cyborg-core test -Dtest=TorchCrossCheckDump -Dcyborg.xcheck=/tmp/xc \
        -Dcyborg.xcheck.size=299 -Dsurefire.failIfNoSpecifiedTests=false
    /usr/bin/python3 tools/golden/make_arch_golden.py --check /tmp/xc

``--check DIR`` expects, per architecture, ``DIR/<arch>/model.safetensors`` (the
Java network's weights) and ``DIR/<arch>/io.safetensors`` (``input``, ``logits``,
``features`` of an eval-mode Java forward pass); it loads the weights into the
PyTorch network and reports the largest differences.

The product never runs Python; re-run this only when the architectures change.
Written against python3-torch 1.13 / python3-torchvision 0.14 (Debian 12).
"""
import argparse
import json
import os
import struct

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision


# --- Xception (the pretrainedmodels port) -----------------------------------

class SeparableConv2d(nn.Module):
    """Depthwise k x k convolution ``conv1`` then pointwise 1x1 ``pointwise``, no biases."""

    def __init__(self, cin, cout, kernel=1, stride=1, padding=0):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cin, kernel, stride, padding, 1, groups=cin, bias=False)
        self.pointwise = nn.Conv2d(cin, cout, 1, 1, 0, 1, 1, bias=False)

    def forward(self, x):
        return self.pointwise(self.conv1(x))


class XceptionBlock(nn.Module):
    """``skip``/``skipbn`` are created before ``rep``, which fixes the state_dict order."""

    def __init__(self, cin, cout, reps, stride=1, start_with_relu=True, grow_first=True):
        super().__init__()
        if cout != cin or stride != 1:
            self.skip = nn.Conv2d(cin, cout, 1, stride=stride, bias=False)
            self.skipbn = nn.BatchNorm2d(cout)
        else:
            self.skip = None
        units = []
        if grow_first:
            units.append((cin, cout))
            units += [(cout, cout)] * (reps - 1)
        else:
            units += [(cin, cin)] * (reps - 1)
            units.append((cin, cout))
        rep = []
        for a, b in units:
            rep += [nn.ReLU(inplace=True), SeparableConv2d(a, b, 3, 1, 1), nn.BatchNorm2d(b)]
        if start_with_relu:
            # the skip path reads the block input: the first ReLU must not overwrite it
            rep[0] = nn.ReLU(inplace=False)
        else:
            rep = rep[1:]
        if stride != 1:
            rep.append(nn.MaxPool2d(3, stride, 1))
        self.rep = nn.Sequential(*rep)

    def forward(self, x):
        y = self.rep(x)
        return y + (self.skipbn(self.skip(x)) if self.skip is not None else x)


class Xception(nn.Module):
    def __init__(self, num_classes=2):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 3, 2, 0, bias=False)
        self.bn1 = nn.BatchNorm2d(32)
        self.conv2 = nn.Conv2d(32, 64, 3, bias=False)
        self.bn2 = nn.BatchNorm2d(64)
        self.block1 = XceptionBlock(64, 128, 2, 2, start_with_relu=False, grow_first=True)
        self.block2 = XceptionBlock(128, 256, 2, 2)
        self.block3 = XceptionBlock(256, 728, 2, 2)
        for i in range(4, 12):
            setattr(self, "block%d" % i, XceptionBlock(728, 728, 3, 1))
        self.block12 = XceptionBlock(728, 1024, 2, 2, start_with_relu=True, grow_first=False)
        self.conv3 = SeparableConv2d(1024, 1536, 3, 1, 1)
        self.bn3 = nn.BatchNorm2d(1536)
        self.conv4 = SeparableConv2d(1536, 2048, 3, 1, 1)
        self.bn4 = nn.BatchNorm2d(2048)
        # the port creates `fc` and renames it `last_linear` after construction: it comes last
        self.last_linear = nn.Linear(2048, num_classes)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.relu(self.bn2(self.conv2(x)))
        for i in range(1, 13):
            x = getattr(self, "block%d" % i)(x)
        x = F.relu(self.bn3(self.conv3(x)))
        x = F.relu(self.bn4(self.conv4(x)))
        x = F.adaptive_avg_pool2d(x, (1, 1)).flatten(1)
        return self.last_linear(x)


# --- the architectures --------------------------------------------------------

ARCHS = {
    "densenet121": (
        "torchvision.models.densenet121(num_classes=2)",
        lambda: torchvision.models.densenet121(num_classes=2),
        "features",
    ),
    "inception_v3": (
        "torchvision.models.inception_v3(num_classes=2, aux_logits=False, init_weights=True)",
        lambda: torchvision.models.inception_v3(num_classes=2, aux_logits=False, init_weights=True),
        "Mixed_7c",
    ),
    "xception": (
        "Xception port (pretrainedmodels layout), last_linear 2048->2",
        lambda: Xception(num_classes=2),
        "conv4",
    ),
}


def write_keys(out_dir, name):
    source, build, _ = ARCHS[name]
    torch.manual_seed(0)
    model = build()
    params = {k for k, _ in model.named_parameters()}
    count = sum(p.numel() for p in model.parameters())
    path = os.path.join(out_dir, name + ".keys.txt")
    with open(path, "w") as f:
        f.write("# %s (torch %s, torchvision %s)\n" % (source, torch.__version__, torchvision.__version__))
        f.write("# parameters %d\n" % count)
        for k, v in model.state_dict().items():
            shape = ",".join(str(d) for d in v.shape)
            f.write("%s\t%s\t%s\n" % (k, shape, "param" if k in params else "buffer"))
    print("%s: %d keys, %d parameters -> %s" % (name, len(model.state_dict()), count, path))


# --- numerical cross-check of Java outputs -----------------------------------

DTYPES = {"F32": np.float32, "I64": np.int64}


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for k, v in header.items():
        if k == "__metadata__":
            continue
        a, b = v["data_offsets"]
        arr = np.frombuffer(data[a:b], dtype=DTYPES[v["dtype"]]).reshape(v["shape"])
        out[k] = torch.from_numpy(arr.copy())
    return out


def check(directory, name):
    _, build, cam_layer = ARCHS[name]
    model = build()
    model.load_state_dict(read_safetensors(os.path.join(directory, name, "model.safetensors")), strict=True)
    model.eval()
    io = read_safetensors(os.path.join(directory, name, "io.safetensors"))
    captured = {}

    def hook(module, inputs, output):
        # copy now (DenseNet's ReLU after `features` is in place) and return None, which
        # keeps the module's output as it is
        captured["f"] = output.detach().clone()

    model.get_submodule(cam_layer).register_forward_hook(hook)
    with torch.no_grad():
        logits = model(io["input"])
    dl = (logits - io["logits"]).abs().max().item()
    df = (captured["f"] - io["features"]).abs().max().item()
    scale = captured["f"].abs().max().item()
    print("%s: logits %s max|diff| %.3g (relative %.2g; torch %s java %s); features %s max|diff| %.3g "
          "(relative %.2g)" % (name, tuple(logits.shape), dl, dl / logits.abs().max().item(), logits[0].tolist(),
                               io["logits"][0].tolist(), tuple(captured["f"].shape), df, df / scale))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="directory for the <arch>.keys.txt files")
    ap.add_argument("--check", help="directory of Java outputs to compare with PyTorch")
    args = ap.parse_args()
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        for name in ARCHS:
            write_keys(args.out, name)
    if args.check:
        for name in ARCHS:
            if os.path.isdir(os.path.join(args.check, name)):
                check(args.check, name)


if __name__ == "__main__":
    main()
